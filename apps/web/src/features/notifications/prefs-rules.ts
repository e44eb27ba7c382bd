/** A plausible mail address; the server checks it properly. */
export const emailPattern = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
