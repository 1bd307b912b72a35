/** The division a document is about, as far as the audit needs it. */
export interface Place {
  name: string;
  level: 'county' | 'prefecture';
  province: string;
  /** 村民委员会 (administrative villages) in the 2023 division codes; null for a prefecture */
  village_committees: number | null;
}
