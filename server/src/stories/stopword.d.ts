/** the part of `stopword` (no types of its own) copydesk uses */
declare module 'stopword' {
  /** English stop words, lower case */
  export const eng: string[];
}
