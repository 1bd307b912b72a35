/**
 * The language of a page under src/pages/[...lang]/: the rest parameter is undefined for Chinese (/counties/…) and
 * `en` for English (/en/counties/…), so that one route builds a page in both languages at the URLs it always had.
 */
import type { Lang } from './index.ts';

/** The `lang` parameter of a page in a language. */
const paramOf = (lang: Lang) => (lang === 'zh' ? undefined : lang);

/** getStaticPaths' entries for each of the given paths in both languages, with the language as a prop. */
export function inBothLanguages<P extends Record<string, string>, Q extends object>(
  paths: { params: P; props?: Q }[] = [{ params: {} as P }],
) {
  return paths.flatMap((p) =>
    (['zh', 'en'] as const).map((lang) => ({
      params: { ...p.params, lang: paramOf(lang) },
      props: { ...(p.props as Q), lang },
    })),
  );
}
