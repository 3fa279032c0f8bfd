/** Months are the fund's months (DESIGN: Asia/Ho_Chi_Minh, UTC+7, no daylight saving). */
export const FUND_TIME_ZONE = 'Asia/Ho_Chi_Minh';

/** The category of an item no ItemRegistered has named yet; it moves to its category when one arrives. */
export const UNCATEGORISED = 'uncategorised';
