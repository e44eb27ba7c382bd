import { useState } from 'react';
import { ImageViewer } from 'antd-mobile';
import type { FileView } from '@gongzhi/shared';
import { useTranslation } from 'react-i18next';
import { useElderMode } from '../../resident/elder-mode.js';

/**
 * Photos as thumbnails. In elder mode a tap opens the photo as a page of its own (no pop-up viewer);
 * otherwise the phone's usual swipe-through viewer.
 */
export function PhotoStrip({ photos }: { photos: FileView[] }) {
  const { t } = useTranslation();
  const elder = useElderMode();
  const [index, setIndex] = useState<number | null>(null);
  if (photos.length === 0) return null;
  return (
    <>
      <ul className="gz-thumbs gz-thumbs-view">
        {photos.map((p, i) => (
          <li key={p.id} className="gz-thumb">
            <a
              href={p.url}
              aria-label={t('myRequests.detail.photoOpen', { n: i + 1 })}
              onClick={(e) => {
                if (elder.on) return;
                e.preventDefault();
                setIndex(i);
              }}
            >
              <img src={p.url} alt="" loading="lazy" />
            </a>
          </li>
        ))}
      </ul>
      {!elder.on && (
        <ImageViewer.Multi
          images={photos.map((p) => p.url)}
          visible={index !== null}
          defaultIndex={index ?? 0}
          onClose={() => setIndex(null)}
        />
      )}
    </>
  );
}
