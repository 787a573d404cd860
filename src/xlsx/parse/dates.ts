const EXCEL_EPOCH_MS = Date.UTC(1899, 11, 30);
const DAY_MS = 86_400_000;
const UNIX_EPOCH_SERIAL = 25569;
/** Days from 1900-01-00 to 1904-01-01: a 1904-based workbook's serials are this much smaller. */
const DAYS_1904 = 1462;

/**
 * A stored serial as the 1900-based serial the checker sees, through the millisecond a date holds
 * (as a spreadsheet library's Date would), so a time of day never carries binary noise.
 */
export function dateSerial(stored: number, date1904: boolean): number {
  return unixMsToSerial(Math.round((stored - UNIX_EPOCH_SERIAL + (date1904 ? DAYS_1904 : 0)) * DAY_MS));
}

/** An ISO date (`t="d"` cells) as a serial; null when it is not a date. */
export function isoSerial(iso: string): number | null {
  const ms = Date.parse(iso);
  return Number.isNaN(ms) ? null : unixMsToSerial(ms);
}

function unixMsToSerial(ms: number): number {
  return Math.round(((ms - EXCEL_EPOCH_MS) / DAY_MS) * 1e8) / 1e8;
}

/** Excel's dates run from serial 0 (1900-01-00) to 2958465 (9999-12-31). */
const LAST_DATE = 2958466;

/** What Excel shows for a value it cannot show in any column: a date outside its range, say. */
export const UNSHOWABLE = "####";

/** A date serial as the reader shows it: ISO, with the time when it has one; "####" outside Excel's dates. */
export function serialToIso(serial: number): string {
  if (!(serial >= 0 && serial < LAST_DATE)) return UNSHOWABLE;
  const iso = new Date(EXCEL_EPOCH_MS + serial * DAY_MS).toISOString();
  return serial % 1 === 0 ? iso.slice(0, 10) : `${iso.slice(0, 10)} ${iso.slice(11, 19)}`;
}
