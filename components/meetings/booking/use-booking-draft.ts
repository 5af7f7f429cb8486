"use client";

import { useEffect, useRef } from "react";
import type { UseFormReturn } from "react-hook-form";
import type { BookingValues } from "@/lib/schemas/booking-values";
import type { PeopleMap } from "./types";

/** The create form's draft; a copy of a meeting keeps its own (see draftKey). */
export const BOOKING_DRAFT_KEY = "meetbridge:booking-draft";

interface Draft {
  values: BookingValues;
  people: PeopleMap;
}

/**
 * Keeps what the person typed (and the submission's idempotency key) in this tab's
 * session storage: a reload or a lost connection loses nothing, and resubmitting the
 * restored draft can never book twice. Cleared once the meeting is booked.
 */
export function useBookingDraft(
  key: string | null,
  form: UseFormReturn<BookingValues>,
  people: PeopleMap,
  onRestore: (draft: Draft) => void,
) {
  const restored = useRef(false);
  useEffect(() => {
    if (restored.current || !key) return;
    restored.current = true;
    try {
      const raw = sessionStorage.getItem(key);
      if (raw) onRestore(JSON.parse(raw) as Draft);
    } catch {
      sessionStorage.removeItem(key);
    }
  }, [key, onRestore]);

  const peopleRef = useRef(people);
  useEffect(() => {
    peopleRef.current = people;
  }, [people]);
  useEffect(() => {
    if (!key) return;
    const save = () =>
      sessionStorage.setItem(
        key,
        JSON.stringify({ values: form.getValues(), people: peopleRef.current }),
      );
    const sub = form.watch(save);
    return () => sub.unsubscribe();
  }, [key, form]);
  useEffect(() => {
    if (key && restored.current && form.formState.isDirty)
      sessionStorage.setItem(key, JSON.stringify({ values: form.getValues(), people }));
  }, [key, people, form]);
}

export function clearBookingDraft(key: string | null = BOOKING_DRAFT_KEY) {
  if (key) sessionStorage.removeItem(key);
}

export function newIdempotencyKey(): string {
  // randomUUID needs a secure context; plain-HTTP intranets get random bytes instead.
  if (typeof crypto.randomUUID === "function") return crypto.randomUUID();
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("");
}
