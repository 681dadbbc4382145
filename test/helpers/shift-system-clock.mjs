// Preloaded with `node --import` (through NODE_OPTIONS, so every child process gets it too): moves the
// system clock every Date reads to SHIFT_SYSTEM_CLOCK_TO, as faketime would, to prove that nothing in the
// suite depends on the calendar date of the machine that runs it.
const target = Date.parse(process.env.SHIFT_SYSTEM_CLOCK_TO ?? '');
if (Number.isNaN(target)) throw new Error('SHIFT_SYSTEM_CLOCK_TO must be an ISO date-time');
const RealDate = Date;
const shift = target - RealDate.now();

class ShiftedDate extends RealDate {
  constructor(...args) {
    if (args.length === 0) super(RealDate.now() + shift);
    else super(...args);
  }

  static now() {
    return RealDate.now() + shift;
  }
}

globalThis.Date = ShiftedDate;
