import { Alert, Result, Spin } from 'antd';
import { errorText } from '../api/error-text.js';
import type { Resource } from '../api/use-resource.js';
import { LinkButton } from './link-button.js';

interface Props {
  state: Exclude<Resource<unknown>, { status: 'ready' }>;
  /** 没有找到这条… : a record that does not exist and one outside the viewer's scope read the same. */
  notFound: string;
  notFoundHint?: string;
  /** Where the page's own back button leads, and its words. */
  back: { to: string; label: string };
}

/**
 * A console detail page before its record is there: loading, not found (with the way back), or failed. Pages
 * render this for any state but `ready`, so the narrowing leaves them the record.
 */
export function DetailState({ state, notFound, notFoundHint, back }: Props) {
  if (state.status === 'loading') return <Spin size="large" style={{ display: 'block', margin: 64 }} />;
  if (state.status === 'failed') return <Alert type="error" showIcon title={errorText(state.error)} />;
  return (
    <Result
      status="404"
      title={notFound}
      subTitle={notFoundHint}
      extra={
        <LinkButton to={back.to} type="primary">
          {back.label}
        </LinkButton>
      }
    />
  );
}
