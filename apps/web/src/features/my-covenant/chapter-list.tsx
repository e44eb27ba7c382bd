import { useId, type ReactNode } from 'react';
import { chapterLabel, groupByChapter } from './covenant-format.js';

type Chaptered = { chapterNumber: number | null; chapterTitle: string | null };

/** Articles under their chapter headings; articles outside a chapter come without one. */
export function ChapterList<A extends Chaptered>({ articles, render }: { articles: A[]; render: (a: A) => ReactNode }) {
  const groups = groupByChapter(articles);
  return (
    <>
      {groups.map((g) => (
        <Chapter key={g.key} title={g.number === null && g.title === null ? null : chapterLabel(g.number, g.title)}>
          {g.articles.map(render)}
        </Chapter>
      ))}
    </>
  );
}

function Chapter({ title, children }: { title: string | null; children: ReactNode }) {
  const id = useId();
  if (title === null) return <div className="gz-chapter">{children}</div>;
  return (
    <section className="gz-chapter" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`} className="gz-chapter-title">
        {title}
      </h2>
      {children}
    </section>
  );
}
