import { useRef, useState } from 'react';
import { Alert, Button, Image, Space, Upload } from 'antd';
import { CloseOutlined, UploadOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { FileView } from '@gongzhi/shared';
import { errorText } from '../../api/error-text.js';
import { filesApi } from './requests-api.js';

const MAX_BYTES = 5 * 1024 * 1024;
const ACCEPT = 'image/jpeg,image/png,image/webp';

interface Props {
  id?: string;
  value?: FileView[];
  onChange?: (files: FileView[]) => void;
  max?: number;
}

/**
 * Photos uploaded as soon as they are picked (`POST /files`), shown as thumbnails that can be removed; the
 * form then sends only their ids. Unattached uploads are purged by the server after a day.
 */
export function PhotoUpload({ id, value = [], onChange, max = 9 }: Props) {
  const { t } = useTranslation();
  const [busy, setBusy] = useState(0);
  const [error, setError] = useState<string | null>(null);
  // Several uploads can finish before the form re-renders: each adds to the latest list, not the one it saw.
  const current = useRef(value);
  current.current = value;
  const set = (next: FileView[]) => {
    current.current = next;
    onChange?.(next);
  };

  const add = async (file: File) => {
    if (file.size > MAX_BYTES) return setError(t('errors.file_too_large'));
    if (current.current.length >= max) return setError(t('errors.too_many_files'));
    setBusy((n) => n + 1);
    setError(null);
    try {
      set([...current.current, await filesApi.upload(file)]);
    } catch (e) {
      setError(errorText(e));
    } finally {
      setBusy((n) => n - 1);
    }
  };

  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <Space wrap className="gz-thumbs">
        <Image.PreviewGroup>
          {value.map((f) => (
            <div key={f.id} style={{ position: 'relative' }}>
              <Image src={f.url} width={88} height={88} alt={f.fileName} />
              <Button
                size="small"
                shape="circle"
                danger
                icon={<CloseOutlined />}
                aria-label={t('requests.photos.remove', { name: f.fileName })}
                onClick={() => set(current.current.filter((x) => x.id !== f.id))}
                style={{ position: 'absolute', top: -8, right: -8 }}
              />
            </div>
          ))}
        </Image.PreviewGroup>
        {value.length + busy < max && (
          <Upload
            id={id}
            accept={ACCEPT}
            multiple
            showUploadList={false}
            beforeUpload={(file) => {
              void add(file);
              return false;
            }}
          >
            <Button icon={<UploadOutlined />} loading={busy > 0}>
              {t('requests.photos.add', { count: value.length, max })}
            </Button>
          </Upload>
        )}
      </Space>
      {error && <Alert type="error" showIcon title={error} role="alert" />}
    </Space>
  );
}

/** Photos already on a request or a step: thumbnails that open large on click. */
export function PhotoGallery({ photos, size = 96 }: { photos: FileView[]; size?: number }) {
  if (photos.length === 0) return null;
  return (
    <Space wrap className="gz-thumbs">
      <Image.PreviewGroup>
        {photos.map((f) => (
          <Image key={f.id} src={f.url} width={size} height={size} alt={f.fileName} />
        ))}
      </Image.PreviewGroup>
    </Space>
  );
}
