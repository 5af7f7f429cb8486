// Generated from /api/v1/openapi.json by lib/api/client/generate.ts (npm run api:schema).
// Do not edit: lib/api/client/schema.test.ts fails when this file and the server differ.
export interface paths {
  "/api/v1/meetings": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * List meetings
     * @description The meetings list's filters, newest start first by default. Pages by cursor: pass `nextCursor` back as `cursor` (with the same sort) until it is null.
     */
    get: {
      parameters: {
        query?: {
          /** @description Comma-separated: booked, in_progress, ended, cancelled, expired, failed, needs_reconciliation */
          status?: string;
          /** @description YYYY-MM-DD (tenant's zone), inclusive */
          from?: string;
          /** @description YYYY-MM-DD (tenant's zone), inclusive */
          to?: string;
          appId?: string;
          adminId?: string;
          inviteeId?: string;
          /** @description Title contains */
          q?: string;
          /** @description Default start */
          sort?: "start" | "title";
          /** @description Default desc */
          dir?: "asc" | "desc";
          /** @description Default 25 */
          limit?: number;
          cursor?: string;
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description One page */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["MeetingPage"];
          };
        };
        /** @description Missing, unknown or revoked API key */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description Invalid input (the booking form's messages), refused by WeCom, or Idempotency-Key reused */
        422: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description Rate limit of the key reached (Retry-After) */
        429: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
      };
    };
    put?: never;
    /** Book a meeting */
    post: {
      parameters: {
        query?: never;
        header?: {
          /** @description A retry with the same key (within 24 hours) gets the first answer again and never books or cancels twice; the same key with another body is refused (422). */
          "idempotency-key"?: string;
        };
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          "application/json": components["schemas"]["BookMeeting"];
        };
      };
      responses: {
        /** @description Booked: the meeting with its WeCom meetingid, code and link */
        201: {
          headers: {
            /** @description The version now, e.g. "4" */
            ETag?: string;
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Meeting"];
          };
        };
        /** @description Malformed request */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description Missing, unknown or revoked API key */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description The key's role does not allow this */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description Meeting not editable, edit in flight, or the same request still running */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description Body over 64 kB */
        413: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description Body not JSON (Content-Type application/json) */
        415: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description Invalid input (the booking form's messages), refused by WeCom, or Idempotency-Key reused */
        422: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description Rate limit of the key reached (Retry-After) */
        429: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description WeCom unreachable */
        502: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/v1/meetings/{id}": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Read a meeting */
    get: {
      parameters: {
        query?: {
          /** @description 1: read the meeting from WeCom first (its status, code, link) */
          refresh?: "0" | "1";
        };
        header?: never;
        path: {
          /** @description MeetBridge's meeting id, or `wecom:{meetingid}` (WeCom's meetingid) */
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description The meeting; ETag is its version */
        200: {
          headers: {
            /** @description The version, e.g. "3" */
            ETag?: string;
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Meeting"];
          };
        };
        /** @description Missing, unknown or revoked API key */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description No such meeting (or another tenant's) */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description Rate limit of the key reached (Retry-After) */
        429: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description WeCom unreachable */
        502: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
      };
    };
    put?: never;
    post?: never;
    /**
     * Cancel a meeting
     * @description The same as POST /meetings/{id}/cancel, the reason in the query.
     */
    delete: {
      parameters: {
        query?: {
          /** @description Kept in the audit trail (trimmed, at most 200 characters) */
          reason?: string;
        };
        header?: {
          /** @description A retry with the same key (within 24 hours) gets the first answer again and never books or cancels twice; the same key with another body is refused (422). */
          "idempotency-key"?: string;
          /** @description The ETag the meeting was read with, e.g. "3": stale → 412 */
          "if-match"?: string;
        };
        path: {
          /** @description MeetBridge's meeting id, or `wecom:{meetingid}` (WeCom's meetingid) */
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Cancelled */
        200: {
          headers: {
            /** @description The version now, e.g. "4" */
            ETag?: string;
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Meeting"];
          };
        };
        /** @description Malformed request */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description Missing, unknown or revoked API key */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description The key's role does not allow this */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description No such meeting (or another tenant's) */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description Meeting not editable, edit in flight, or the same request still running */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description If-Match is stale */
        412: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description Body over 64 kB */
        413: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description Body not JSON (Content-Type application/json) */
        415: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description Invalid input (the booking form's messages), refused by WeCom, or Idempotency-Key reused */
        422: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description Rate limit of the key reached (Retry-After) */
        429: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description WeCom unreachable */
        502: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
      };
    };
    options?: never;
    head?: never;
    /** Update a meeting */
    patch: {
      parameters: {
        query?: never;
        header?: {
          /** @description The ETag the meeting was read with, e.g. "3": stale → 412 */
          "if-match"?: string;
        };
        path: {
          /** @description MeetBridge's meeting id, or `wecom:{meetingid}` (WeCom's meetingid) */
          id: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          "application/json": components["schemas"]["UpdateMeeting"];
        };
      };
      responses: {
        /** @description Updated (or nothing changed) */
        200: {
          headers: {
            /** @description The version now, e.g. "4" */
            ETag?: string;
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Meeting"];
          };
        };
        /** @description Malformed request */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description Missing, unknown or revoked API key */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description The key's role does not allow this */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description No such meeting (or another tenant's) */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description Meeting not editable, edit in flight, or the same request still running */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description If-Match is stale */
        412: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description Body over 64 kB */
        413: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description Body not JSON (Content-Type application/json) */
        415: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description Invalid input (the booking form's messages), refused by WeCom, or Idempotency-Key reused */
        422: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description Rate limit of the key reached (Retry-After) */
        429: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description WeCom unreachable */
        502: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
      };
    };
    trace?: never;
  };
  "/api/v1/meetings/{id}/cancel": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Cancel a meeting, with a reason */
    post: {
      parameters: {
        query?: never;
        header?: {
          /** @description A retry with the same key (within 24 hours) gets the first answer again and never books or cancels twice; the same key with another body is refused (422). */
          "idempotency-key"?: string;
          /** @description The ETag the meeting was read with, e.g. "3": stale → 412 */
          "if-match"?: string;
        };
        path: {
          /** @description MeetBridge's meeting id, or `wecom:{meetingid}` (WeCom's meetingid) */
          id: string;
        };
        cookie?: never;
      };
      requestBody?: {
        content: {
          "application/json": components["schemas"]["CancelMeeting"];
        };
      };
      responses: {
        /** @description Cancelled */
        200: {
          headers: {
            /** @description The version now, e.g. "4" */
            ETag?: string;
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Meeting"];
          };
        };
        /** @description Malformed request */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description Missing, unknown or revoked API key */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description The key's role does not allow this */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description No such meeting (or another tenant's) */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description Meeting not editable, edit in flight, or the same request still running */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description If-Match is stale */
        412: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description Body over 64 kB */
        413: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description Body not JSON (Content-Type application/json) */
        415: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description Invalid input (the booking form's messages), refused by WeCom, or Idempotency-Key reused */
        422: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description Rate limit of the key reached (Retry-After) */
        429: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description WeCom unreachable */
        502: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/v1/meetings/{id}/occurrences/{subMeetingId}/cancel": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Cancel one occurrence of a series
     * @description Only an occurrence WeCom has listed (see the meeting's `occurrences`), only while it is booked. A second call answers the same.
     */
    post: {
      parameters: {
        query?: never;
        header?: {
          "idempotency-key"?: string;
        };
        path: {
          /** @description MeetBridge's meeting id, or `wecom:{meetingid}` (WeCom's meetingid) */
          id: string;
          /** @description WeCom's sub_meetingid, as listed in the meeting's occurrences */
          subMeetingId: string;
        };
        cookie?: never;
      };
      requestBody?: {
        content: {
          "application/json": components["schemas"]["CancelMeeting"];
        };
      };
      responses: {
        /** @description Cancelled (now or before): the meeting with its occurrences */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Meeting"];
          };
        };
        /** @description Malformed request */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description Missing, unknown or revoked API key */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description The key's role does not allow this */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description No such meeting (or another tenant's) */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description Meeting not editable, edit in flight, or the same request still running */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description Invalid input (the booking form's messages), refused by WeCom, or Idempotency-Key reused */
        422: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description Rate limit of the key reached (Retry-After) */
        429: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description WeCom unreachable */
        502: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/v1/apps": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The tenant's WeCom apps, and whether each may book */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Apps by name */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": {
              items: components["schemas"]["App"][];
            };
          };
        };
        /** @description Missing, unknown or revoked API key */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description Rate limit of the key reached (Retry-After) */
        429: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/v1/accounts": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * OA accounts with their WeCom mappings
     * @description Searched and paged like the accounts list (by department, then job number).
     */
    get: {
      parameters: {
        query?: {
          /** @description Name, job number, email or WeCom userid */
          q?: string;
          state?: "all" | "active" | "inactive";
          page?: number;
          /** @description 25, 50 or 100 */
          size?: number | null;
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description One page */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["AccountPage"];
          };
        };
        /** @description Missing, unknown or revoked API key */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description Rate limit of the key reached (Retry-After) */
        429: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/v1/batches": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Book many meetings at once
     * @description Every row is checked first (the booking form's rules, the people and the app); with any row in error nothing is booked (422, errors at `/rows/{i}/…`) unless `onlyValid`. Then 202: the rows are booked in the background, at most 4 WeCom calls at once; poll GET /batches/{id}.
     */
    post: {
      parameters: {
        query?: never;
        header?: {
          "idempotency-key"?: string;
        };
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          "application/json": components["schemas"]["CreateBatch"];
        };
      };
      responses: {
        /** @description Queued */
        202: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Batch"];
          };
        };
        /** @description Malformed request */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description Missing, unknown or revoked API key */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description The key's role does not allow this */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description Meeting not editable, edit in flight, or the same request still running */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description Invalid input (the booking form's messages), refused by WeCom, or Idempotency-Key reused */
        422: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description Rate limit of the key reached (Retry-After) */
        429: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/v1/batches/{id}": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** A batch's state and each row's result */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description The batch */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Batch"];
          };
        };
        /** @description Missing, unknown or revoked API key */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description No such meeting (or another tenant's) */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description Rate limit of the key reached (Retry-After) */
        429: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/v1/rooms": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Meeting rooms, free or taken for a start and duration */
    get: {
      parameters: {
        query: {
          /** @description A self-built app that may use rooms */
          appId: string;
          /** @description Wall clock in the tenant's time zone */
          start: string;
          durationMin?: number;
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description The corp's rooms by building, floor and name */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": {
              items: components["schemas"]["RoomAvailability"][];
            };
          };
        };
        /** @description Malformed request */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description Missing, unknown or revoked API key */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description No such meeting (or another tenant's) */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description Rate limit of the key reached (Retry-After) */
        429: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description WeCom unreachable */
        502: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
}
export type webhooks = Record<string, never>;
export interface components {
  schemas: {
    MeetingPage: {
      items: components["schemas"]["MeetingSummary"][];
      /** @description null on the last page */
      nextCursor: string | null;
    };
    MeetingSummary: {
      id: string;
      title: string;
      startAt: string;
      durationMin: number;
      /** @enum {string} */
      status: "booked" | "in_progress" | "ended" | "cancelled" | "expired" | "failed";
      needsReconciliation: boolean;
      wecomMeetingId: string | null;
      meetingCode: string | null;
      app: {
        id: string;
        name: string;
      };
      admin: {
        id: string;
        name: string;
      };
    };
    /**
     * @description RFC 9457. type is one of: https://meetbridge.dev/problems/unauthorized, https://meetbridge.dev/problems/forbidden, https://meetbridge.dev/problems/not-found, https://meetbridge.dev/problems/malformed-request, https://meetbridge.dev/problems/payload-too-large, https://meetbridge.dev/problems/unsupported-media-type, https://meetbridge.dev/problems/validation, https://meetbridge.dev/problems/wecom-refused, https://meetbridge.dev/problems/idempotency-key-reused, https://meetbridge.dev/problems/meeting-not-editable, https://meetbridge.dev/problems/edit-conflict, https://meetbridge.dev/problems/idempotency-in-progress, https://meetbridge.dev/problems/precondition-failed, https://meetbridge.dev/problems/rate-limited, https://meetbridge.dev/problems/wecom-unavailable, https://meetbridge.dev/problems/internal
     * @example {
     *       "type": "https://meetbridge.dev/problems/validation",
     *       "title": "输入无效",
     *       "status": 422,
     *       "detail": "请求中有 1 处输入无效，详见 errors。",
     *       "errors": [
     *         {
     *           "pointer": "/durationMin",
     *           "detail": "会议时长须少于 24 小时"
     *         }
     *       ]
     *     }
     */
    Problem: {
      /** @example https://meetbridge.dev/problems/validation */
      type: string;
      title: string;
      status: number;
      detail: string;
      instance?: string;
      /** @description Field errors: a JSON pointer into the request and its message */
      errors?: {
        pointer: string;
        detail: string;
      }[];
      wecomErrcode?: number;
      meetingId?: string;
      currentVersion?: number;
    };
    Meeting: {
      id: string;
      /** @description Also the ETag; send it as If-Match */
      version: number;
      /** @enum {string} */
      status: "booked" | "in_progress" | "ended" | "cancelled" | "expired" | "failed";
      /** @description WeCom's answer was lost; MeetBridge is checking with WeCom */
      needsReconciliation: boolean;
      wecomMeetingId: string | null;
      meetingCode: string | null;
      meetingLink: string | null;
      appId: string;
      adminId: string;
      title: string;
      /** @description Wall clock in the tenant's time zone */
      start: string;
      /** @description The same instant, ISO 8601 UTC */
      startAt: string;
      timeZone: string;
      durationMin: number;
      description: string;
      location: string;
      inviteeIds: string[];
      hostIds: string[];
      ringIds: string[];
      /** @description Participants without an OA account (kept as they are by an update) */
      unmappedParticipants: {
        /** @enum {string} */
        role: "invitee" | "host" | "ring";
        wecomUserId: string;
      }[];
      hasPassword: boolean;
      enableWaitingRoom: boolean;
      allowEnterBeforeHost: boolean;
      remindScope: number;
      enableEnterMute: number;
      allowExternalUser: boolean;
      enableScreenWatermark: boolean;
      isRepeat: boolean;
      repeatType: number;
      repeatInterval: number;
      repeatUntil: string;
      /** @description Self-built apps: a custom series on repeatDaysOfWeek (1 Monday … 7 Sunday) or repeatDaysOfMonth (1–31) */
      isCustomRepeat?: boolean;
      repeatDaysOfWeek?: number[];
      repeatDaysOfMonth?: number[];
      /** @description Self-built apps: the series ends after this many occurrences (repeatUntil is then empty) */
      repeatCount?: number | null;
      remindBefore: number[];
      bookedByThisKey: boolean;
      room: components["schemas"]["MeetingRoom"];
      /** @description A series' occurrences as WeCom last reported them (a page at a time): never the whole series; an occurrence not listed shares the series' status */
      occurrences: components["schemas"]["Occurrence"][];
      /** @description This one-off replaces that occurrence of a series */
      movedFromOccurrence: {
        meetingId: string;
        subMeetingId: string;
      } | null;
    };
    MeetingRoom: {
      roomId: number;
      name: string | null;
      /** @description WeCom holds the room for the meeting */
      booked: boolean;
      /** @description Days (YYYY-MM-DD) the room was already taken (conflict_date) */
      conflictDays: string[];
      /** @description Why the room is not booked: 会议已预约，会议室未预约：… */
      error: string | null;
    } | null;
    Occurrence: {
      /** @description WeCom's sub_meetingid */
      subMeetingId: string;
      /** @description ISO 8601 UTC */
      startAt: string;
      endAt: string;
      /** @enum {string} */
      status: "booked" | "in_progress" | "ended" | "cancelled" | "expired" | "failed";
      /** @description The one-off booked in its place, if it was moved */
      movedToMeetingId: string | null;
    };
    /**
     * @description The booking form's fields and rules. Fields left out take the form's defaults (durationMin 60, remindScope 2, enableEnterMute 2, allowEnterBeforeHost and allowExternalUser true, everything else off or empty). `start` is a wall-clock time in the tenant's time zone.
     * @example {
     *       "appId": "cm0app000000000000000000",
     *       "adminJobNumber": "E1001",
     *       "title": "周例会",
     *       "start": "2026-12-01T10:00",
     *       "durationMin": 60,
     *       "inviteeJobNumbers": [
     *         "E1002",
     *         "E1003"
     *       ]
     *     }
     */
    BookMeeting: {
      appId: string;
      adminId?: string;
      title: string;
      start: string;
      durationMin?: number;
      description?: string;
      location?: string;
      inviteeIds?: string[];
      password?: string;
      enableWaitingRoom?: boolean;
      allowEnterBeforeHost?: boolean;
      /** @enum {integer} */
      remindScope?: 1 | 2 | 3 | 4;
      ringIds?: string[];
      /** @enum {integer} */
      enableEnterMute?: 0 | 1 | 2;
      allowExternalUser?: boolean;
      enableScreenWatermark?: boolean;
      hostIds?: string[];
      isRepeat?: boolean;
      /** @enum {integer} */
      repeatType?: 0 | 1 | 2 | 7;
      /** @enum {integer} */
      repeatInterval?: 1 | 2;
      repeatUntil?: string;
      remindBefore?: (0 | 300 | 900 | 3600 | 86400)[];
      guests?: {
        area: string;
        phone: string;
        name: string;
      }[];
      /** @enum {string} */
      autoRecordType?: "none" | "local" | "cloud";
      isCustomRepeat?: boolean;
      repeatDaysOfWeek?: number[];
      repeatDaysOfMonth?: number[];
      repeatCount?: number | null;
      /** @description The meeting admin by OA job number (instead of adminId) */
      adminJobNumber?: string;
      /** @description Invitees by OA job number (merged with inviteeIds) */
      inviteeJobNumbers?: string[];
      /** @description Hosts by OA job number */
      hostJobNumbers?: string[];
      /** @description Members to ring (remindScope 4) by OA job number */
      ringJobNumbers?: string[];
      /** @description A meeting room (GET /rooms) booked for the meeting after it is booked (every occurrence of a series); null releases it. A room that cannot be booked leaves the meeting booked: see `room.error` in the answer. */
      roomId?: number | null;
    };
    /**
     * @description Only the fields given change; only what changed is sent to WeCom (start and duration together). The app and the admin are fixed.
     * @example {
     *       "title": "周例会（改期）",
     *       "start": "2026-12-01T14:00",
     *       "durationMin": 90
     *     }
     */
    UpdateMeeting: {
      title?: string;
      start?: string;
      durationMin?: number;
      description?: string;
      location?: string;
      inviteeIds?: string[];
      password?: string;
      enableWaitingRoom?: boolean;
      allowEnterBeforeHost?: boolean;
      /** @enum {integer} */
      remindScope?: 1 | 2 | 3 | 4;
      ringIds?: string[];
      /** @enum {integer} */
      enableEnterMute?: 0 | 1 | 2;
      allowExternalUser?: boolean;
      enableScreenWatermark?: boolean;
      hostIds?: string[];
      isRepeat?: boolean;
      /** @enum {integer} */
      repeatType?: 0 | 1 | 2 | 7;
      /** @enum {integer} */
      repeatInterval?: 1 | 2;
      repeatUntil?: string;
      remindBefore?: (0 | 300 | 900 | 3600 | 86400)[];
      guests?: {
        area: string;
        phone: string;
        name: string;
      }[];
      /** @enum {string} */
      autoRecordType?: "none" | "local" | "cloud";
      isCustomRepeat?: boolean;
      repeatDaysOfWeek?: number[];
      repeatDaysOfMonth?: number[];
      repeatCount?: number | null;
      /** @description Invitees by OA job number (merged with inviteeIds) */
      inviteeJobNumbers?: string[];
      /** @description Hosts by OA job number */
      hostJobNumbers?: string[];
      /** @description Members to ring (remindScope 4) by OA job number */
      ringJobNumbers?: string[];
      /** @description A meeting room (GET /rooms) booked for the meeting after it is booked (every occurrence of a series); null releases it. A room that cannot be booked leaves the meeting booked: see `room.error` in the answer. */
      roomId?: number | null;
      /** @description true removes the meeting password (an empty password keeps it) */
      clearPassword?: boolean;
    };
    /**
     * @example {
     *       "reason": "审批撤回"
     *     }
     */
    CancelMeeting: {
      /** @description Kept in the audit trail (trimmed, at most 200 characters) */
      reason?: string;
    };
    App: {
      id: string;
      name: string;
      /** @enum {string} */
      kind: "self_built" | "third_party" | "custom";
      bookable: boolean;
      /**
       * @description Why the app may not book (null when it may)
       * @enum {string|null}
       */
      reason: "disabled" | "unauthorised" | "denied" | "unknown" | null;
    };
    AccountPage: {
      items: components["schemas"]["Account"][];
      total: number;
      page: number;
      pageCount: number;
    };
    Account: {
      id: string;
      name: string;
      jobNumber: string | null;
      department: string | null;
      active: boolean;
      mappings: {
        corpName: string;
        wecomUserId: string;
        /** @description ok, not_found, out_of_range; null: not verified yet */
        verifyStatus: string | null;
      }[];
    };
    Batch: {
      id: string;
      /** @enum {string} */
      state: "writing" | "queued" | "running" | "done";
      total: number;
      createdAt: string;
      finishedAt: string | null;
      counts: {
        pending?: number;
        booking?: number;
        booked?: number;
        refused?: number;
        reconciling?: number;
        skipped?: number;
      };
      rows: {
        /** @description 1-based, the order of `rows` */
        position: number;
        externalRef: string | null;
        title: string;
        start: string;
        /** @enum {string} */
        status: "pending" | "booking" | "booked" | "refused" | "reconciling" | "skipped";
        /** @description Booked before this batch (same externalRef or same meeting) */
        alreadyBooked: boolean;
        meetingId: string | null;
        wecomMeetingId: string | null;
        meetingCode: string | null;
        meetingLink: string | null;
        /** @description Why WeCom or MeetBridge refused it */
        reason: string | null;
        errors: {
          field: string;
          message: string;
        }[];
        warnings: string[];
      }[];
    };
    /**
     * @example {
     *       "rows": [
     *         {
     *           "appId": "cm0app000000000000000000",
     *           "adminJobNumber": "E1005",
     *           "title": "研发部周例会",
     *           "start": "2026-12-07T10:00",
     *           "durationMin": 60,
     *           "inviteeJobNumbers": [
     *             "E1006",
     *             "E1007"
     *           ],
     *           "externalRef": "OA-2026-0001"
     *         }
     *       ]
     *     }
     */
    CreateBatch: {
      rows: components["schemas"]["BatchRow"][];
      /** @description Book the valid rows even when others have errors (those are listed, not booked) */
      onlyValid?: boolean;
    };
    /**
     * @description The booking form's fields and rules. Fields left out take the form's defaults (durationMin 60, remindScope 2, enableEnterMute 2, allowEnterBeforeHost and allowExternalUser true, everything else off or empty). `start` is a wall-clock time in the tenant's time zone.
     * @example {
     *       "appId": "cm0app000000000000000000",
     *       "adminJobNumber": "E1001",
     *       "title": "周例会",
     *       "start": "2026-12-01T10:00",
     *       "durationMin": 60,
     *       "inviteeJobNumbers": [
     *         "E1002",
     *         "E1003"
     *       ]
     *     }
     */
    BatchRow: components["schemas"]["BookMeeting"] & {
      /** @description The OA's own id of the row: one meeting per externalRef in the tenant */
      externalRef?: string;
    };
    RoomAvailability: {
      roomId: number;
      name: string;
      capacity: number;
      city: string;
      building: string;
      floor: string;
      equipment: string[];
      /** @description Cannot be booked through the API */
      needApproval: boolean;
      free: boolean;
      holders: {
        /** @description ISO 8601 UTC */
        start: string;
        end: string;
        booker: string;
        /** @description MeetBridge's meeting holding it */
        meetingId: string | null;
      }[];
    };
  };
  responses: never;
  parameters: never;
  requestBodies: never;
  headers: never;
  pathItems: never;
}
export type $defs = Record<string, never>;
export type operations = Record<string, never>;
