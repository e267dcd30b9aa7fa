const ITALIAN_DAY = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Europe/Rome',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

/** Today in Italy (YYYY-MM-DD): national deadlines are Italian calendar days. */
export const todayInItaly = (now: Date = new Date()) => ITALIAN_DAY.format(now);
