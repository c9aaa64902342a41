/**
 * Preloaded by the growth benchmark (`NODE_OPTIONS=--import=./scripts/bench/fixed-clock.mjs`) when BENCH_TODAY is
 * set: moves the process's clock so that today is that date (`YYYY-MM-DD`, noon UTC), still ticking. Synthetic data
 * of more than 71 monthly releases from 2021-01 run past the real today, and the data contract refuses a release
 * dated in the future; the site code stays unchanged and reads this clock as it reads the real one.
 * Plain JavaScript: NODE_OPTIONS also reaches npm itself, which may run on an older Node without TypeScript.
 */
const today = process.env.BENCH_TODAY;
if (today) {
  const target = Date.parse(`${today}T12:00:00Z`);
  if (Number.isNaN(target)) throw new Error(`BENCH_TODAY: found "${today}"; expected a date written YYYY-MM-DD`);
  const RealDate = Date;
  const offset = target - RealDate.now();
  class ShiftedDate extends RealDate {
    constructor(...args) {
      if (args.length === 0) super(RealDate.now() + offset);
      else super(...args);
    }
    static now() {
      return RealDate.now() + offset;
    }
  }
  globalThis.Date = ShiftedDate;
}
