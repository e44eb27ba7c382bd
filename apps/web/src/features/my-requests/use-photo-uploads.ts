import { useCallback, useEffect, useRef, useState } from 'react';
import type { FileView } from '@gongzhi/shared';
import { errorText } from '../../api/error-text.js';
import i18n from '../../i18n/index.js';
import { MAX_PHOTO_BYTES, MAX_PHOTOS, PHOTO_TYPES, uploadPhoto } from './upload-photo.js';

/** One chosen photo: its local preview, and how its upload is going. */
export interface PhotoItem {
  key: string;
  preview: string;
  percent: number;
  status: 'uploading' | 'done' | 'failed';
  file?: FileView;
  error?: string;
}

const megabytes = (n: number) => `${(n / 1024 / 1024).toFixed(1)} MB`;

/**
 * Photos chosen for a request, each uploaded as soon as it is chosen (so submitting is quick). A photo too
 * large or of the wrong type is refused here with the reason, before anything is sent.
 */
export function usePhotoUploads(csrfToken: string) {
  const [items, setItems] = useState<PhotoItem[]>([]);
  const [refusal, setRefusal] = useState<string | null>(null);
  const aborts = useRef(new Map<string, AbortController>());
  const counter = useRef(0);
  const itemsRef = useRef(items);
  itemsRef.current = items;

  useEffect(
    () => () => {
      for (const c of aborts.current.values()) c.abort();
      for (const i of itemsRef.current) URL.revokeObjectURL(i.preview);
    },
    [],
  );

  const patch = useCallback((key: string, p: Partial<PhotoItem>) => {
    setItems((prev) => prev.map((i) => (i.key === key ? { ...i, ...p } : i)));
  }, []);

  const add = useCallback(
    (files: File[]) => {
      setRefusal(null);
      const room = MAX_PHOTOS - itemsRef.current.length;
      if (files.length > room) setRefusal(i18n.t('myRequests.photos.tooMany', { max: MAX_PHOTOS }));
      for (const file of files.slice(0, Math.max(0, room))) {
        if (!PHOTO_TYPES.includes(file.type)) {
          setRefusal(i18n.t('myRequests.photos.wrongType'));
          continue;
        }
        if (file.size > MAX_PHOTO_BYTES) {
          setRefusal(i18n.t('myRequests.photos.tooBig', { size: megabytes(file.size) }));
          continue;
        }
        const key = `p${++counter.current}`;
        const ctrl = new AbortController();
        aborts.current.set(key, ctrl);
        setItems((prev) => [...prev, { key, preview: URL.createObjectURL(file), percent: 0, status: 'uploading' }]);
        uploadPhoto(file, csrfToken, (percent) => patch(key, { percent }), ctrl.signal).then(
          (view) => patch(key, { status: 'done', percent: 100, file: view }),
          (e: unknown) => {
            if (e instanceof DOMException && e.name === 'AbortError') return;
            patch(key, { status: 'failed', error: errorText(e) });
          },
        ).finally(() => aborts.current.delete(key));
      }
    },
    [csrfToken, patch],
  );

  const remove = useCallback((key: string) => {
    aborts.current.get(key)?.abort();
    setItems((prev) => {
      const gone = prev.find((i) => i.key === key);
      if (gone) URL.revokeObjectURL(gone.preview);
      return prev.filter((i) => i.key !== key);
    });
  }, []);

  const ids = items.flatMap((i) => (i.status === 'done' && i.file ? [i.file.id] : []));
  return {
    items,
    refusal,
    add,
    remove,
    ids,
    uploading: items.some((i) => i.status === 'uploading'),
    failed: items.some((i) => i.status === 'failed'),
  };
}

export type PhotoUploads = ReturnType<typeof usePhotoUploads>;
