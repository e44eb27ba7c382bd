import { useTranslation } from 'react-i18next';
import { useLoaded } from '../../api/use-loaded.js';
import { ResidentListPage } from '../../resident/resident-list-page.js';
import { formatDate } from '../my-requests/format-date.js';
import { myReviewsApi } from '../reviews/reviews-api.js';
import './my-reviews.css';

/** 民主评议 (`/m/reviews`): the rounds a representative is asked to rate, and those already returned. */
export default function MyReviewsPage() {
  const { t } = useTranslation();
  const list = useLoaded('my-reviews', (signal) => myReviewsApi.list(signal));
  return (
    <ResidentListPage
      className="gz-reviews"
      title={t('reviews.my.listTitle')}
      empty={t('reviews.my.empty')}
      list={list}
      row={(r) => ({
        id: r.id,
        to: `/m/reviews/${r.id}`,
        title: r.title,
        status: r.returned ? { tone: 'done', label: t('reviews.my.returned') } : r.canRate ? { tone: 'working', label: t('reviews.my.toDo') } : { tone: 'ended', label: t('reviews.my.ended') },
        meta: [r.communityName, r.period, t('reviews.my.closesAt', { date: formatDate(r.closesAt) })],
      })}
    />
  );
}
