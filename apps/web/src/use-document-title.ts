import { useEffect } from 'react';

/** Name the browser tab after the face (and follow the language). */
export function useDocumentTitle(title: string): void {
  useEffect(() => {
    document.title = title;
  }, [title]);
}
