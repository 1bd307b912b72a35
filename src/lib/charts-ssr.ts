/** At build time, charts are drawn on linkedom's document: import this module before drawing. */
import { parseHTML } from 'linkedom';
import { useDocument } from './charts.ts';

useDocument(parseHTML('<!doctype html><html><body></body></html>').document as unknown as Document);
