/** /compare/plans.json: the picker index and each county's plan summary, for the compare page's first charts. */
import type { APIRoute } from 'astro';
import { pickerIndex, planSummaries } from '../../lib/compare.ts';

export const GET: APIRoute = async () =>
  new Response(JSON.stringify({ counties: await pickerIndex(), plans: await planSummaries() }), {
    headers: { 'content-type': 'application/json' },
  });
