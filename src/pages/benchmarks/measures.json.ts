/** /benchmarks/measures.json: every county's value of each comparable plan measure, built with the site. */
import type { APIRoute } from 'astro';
import { pickerIndex, planMeasures } from '../../lib/compare.ts';

export const GET: APIRoute = async () =>
  new Response(JSON.stringify({ counties: await pickerIndex(), measures: await planMeasures() }), {
    headers: { 'content-type': 'application/json' },
  });
