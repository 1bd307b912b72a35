export { extractFunds, type FundsResult, type FundTotals } from './funds/index.ts';
