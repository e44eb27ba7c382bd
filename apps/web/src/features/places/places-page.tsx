import { useEffect, useState } from 'react';
import { Alert, Card, Col, Empty, Row, Spin } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router-dom';
import { errorText } from '../../api/error-text.js';
import { useSession } from '../session/session-context.js';
import { PlaceDetail } from './place-detail.js';
import { PlaceNotFound } from './place-not-found.js';
import { PlaceTreePanel } from './place-tree-panel.js';
import { usePlaceDetail } from './use-place-detail.js';
import { usePlaceTree } from './use-place-tree.js';

/** The place tree on the left, the selected place on the right (`/console/places/:id`). */
export default function PlacesPage() {
  const { t } = useTranslation();
  const { id } = useParams();
  const navigate = useNavigate();
  const { me } = useSession();
  const [includeRetired, setIncludeRetired] = useState(false);
  const tree = usePlaceTree(includeRetired);
  const { state, reload } = usePlaceDetail(id, includeRetired);
  const { reveal } = tree;
  const treeReady = tree.roots !== null;

  // Opening a place by its address unfolds the tree down to it.
  const revealIds = state.kind === 'ready' ? [...state.detail.ancestors.map((a) => a.id), state.detail.place.id].join(',') : '';
  useEffect(() => {
    if (revealIds && treeReady) void reveal(revealIds.split(','));
  }, [revealIds, treeReady, reveal]);

  const onChanged = (nextId: string) => {
    void tree.reload();
    if (nextId !== id) navigate(`/console/places/${nextId}`);
    else reload();
  };

  return (
    <Row gutter={[16, 16]}>
      <Col xs={24} lg={10} xl={9}>
        <PlaceTreePanel
          tree={tree}
          selectedId={id}
          onSelect={(sel) => navigate(`/console/places/${sel}`)}
          includeRetired={includeRetired}
          onIncludeRetiredChange={setIncludeRetired}
        />
      </Col>
      <Col xs={24} lg={14} xl={15}>
        {state.kind === 'none' && (
          <Card>
            <Empty description={t('places.detail.selectHint')} />
          </Card>
        )}
        {state.kind === 'loading' && (
          <Card>
            <Spin />
          </Card>
        )}
        {state.kind === 'not-found' && (
          <Card>
            <PlaceNotFound />
          </Card>
        )}
        {state.kind === 'failed' && <Alert type="error" showIcon title={errorText(state.error)} />}
        {state.kind === 'ready' && <PlaceDetail detail={state.detail} history={state.history} me={me} onChanged={onChanged} />}
      </Col>
    </Row>
  );
}
