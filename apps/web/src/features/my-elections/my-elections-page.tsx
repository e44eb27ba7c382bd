import { useTranslation } from 'react-i18next';
import { useLoaded } from '../../api/use-loaded.js';
import { ResidentListPage } from '../../resident/resident-list-page.js';
import { myElectionsApi } from '../elections/elections-api.js';
import './my-elections.css';

/** 换届选举 (`/m/elections`): the elections of my community whose voter list is posted. */
export default function MyElectionsPage() {
  const { t } = useTranslation();
  const list = useLoaded('my-elections', (signal) => myElectionsApi.list(signal));
  return (
    <ResidentListPage
      className="gz-elections"
      title={t('elections.my.listTitle')}
      empty={t('elections.my.empty')}
      list={list}
      row={(e) => ({
        id: e.id,
        to: `/m/elections/${e.id}`,
        title: e.title,
        status: { tone: 'working', label: t(`elections.phase.${e.phase}`) },
        meta: [e.communityName, t('elections.portal.electionDay', { date: e.electionDay })],
      })}
    />
  );
}
