// The simulator's notion of "now". Tests move it instead of sleeping, so token expiry
// and meeting status can be exercised in milliseconds; it follows real time otherwise.
export class SimClock {
  private offsetSec = 0;

  nowSec(): number {
    return Math.floor(Date.now() / 1000) + this.offsetSec;
  }

  get offset(): number {
    return this.offsetSec;
  }

  advance(sec: number): void {
    this.offsetSec += sec;
  }

  setOffset(sec: number): void {
    this.offsetSec = sec;
  }

  reset(): void {
    this.offsetSec = 0;
  }

  snapshot() {
    const now = this.nowSec();
    return { now, iso: new Date(now * 1000).toISOString(), offsetSec: this.offsetSec };
  }
}
