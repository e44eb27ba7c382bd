import { useId } from 'react';
import { CameraOutline, PictureOutline } from 'antd-mobile-icons';
import { useTranslation } from 'react-i18next';
import { MAX_PHOTOS } from './upload-photo.js';
import type { PhotoUploads } from './use-photo-uploads.js';

/**
 * Take a photo or pick from the album (two plain buttons: `capture` alone would hide the album on most
 * phones), then thumbnails with their upload progress and a large remove button each.
 */
export function PhotoPicker({ uploads }: { uploads: PhotoUploads }) {
  const { t } = useTranslation();
  const id = useId();
  const full = uploads.items.length >= MAX_PHOTOS;
  const pick = (e: React.ChangeEvent<HTMLInputElement>) => {
    uploads.add(Array.from(e.target.files ?? []));
    e.target.value = '';
  };
  return (
    <div className="gz-photos">
      <p className="gz-photos-rule">{t('myRequests.photos.rule', { max: MAX_PHOTOS })}</p>
      {!full && (
        <div className="gz-photo-buttons">
          <label className="gz-photo-button" htmlFor={`${id}-camera`}>
            <CameraOutline aria-hidden />
            <span>{t('myRequests.photos.camera')}</span>
          </label>
          <input id={`${id}-camera`} className="gz-visually-hidden" type="file" accept="image/*" capture="environment" onChange={pick} />
          <label className="gz-photo-button" htmlFor={`${id}-album`}>
            <PictureOutline aria-hidden />
            <span>{t('myRequests.photos.album')}</span>
          </label>
          <input id={`${id}-album`} className="gz-visually-hidden" type="file" accept="image/*" multiple onChange={pick} />
        </div>
      )}
      {uploads.refusal && (
        <div className="gz-field-error" role="alert">
          {uploads.refusal}
        </div>
      )}
      {uploads.items.length > 0 && (
        <ul className="gz-thumbs" aria-label={t('myRequests.photos.count', { count: uploads.items.length })}>
          {uploads.items.map((p, i) => (
            <li key={p.key} className={`gz-thumb gz-thumb-${p.status}`}>
              <img src={p.preview} alt={t('myRequests.photos.alt', { n: i + 1 })} />
              {p.status === 'uploading' && (
                <span className="gz-thumb-state" role="progressbar" aria-valuenow={p.percent} aria-valuemin={0} aria-valuemax={100}>
                  {t('myRequests.photos.uploading', { percent: p.percent })}
                </span>
              )}
              {p.status === 'failed' && (
                <span className="gz-thumb-state" role="alert" title={p.error}>
                  {t('myRequests.photos.failed')}
                </span>
              )}
              <button type="button" className="gz-thumb-remove" aria-label={t('myRequests.photos.remove', { n: i + 1 })} onClick={() => uploads.remove(p.key)}>
                ×
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
