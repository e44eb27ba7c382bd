import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';

/** What a community makes public (practice 9), each a page of the portal that needs no login. */
export const openSections = ['publications', 'catalogue', 'ledger', 'feeBoards', 'elections', 'reviews'] as const;
export type OpenSection = (typeof openSections)[number];

/** The portal path of one community's public section. */
export function openSectionPath(communityId: string, section: OpenSection): string {
  const slug: Record<OpenSection, string> = {
    publications: 'publications',
    catalogue: 'disclosure-catalogue',
    ledger: 'ledger',
    feeBoards: 'fee-boards',
    elections: 'elections',
    reviews: 'reviews',
  };
  return `/communities/${encodeURIComponent(communityId)}/${slug[section]}`;
}

/** The links in a community's card on the portal home: 公开栏, 公开目录, 账目, 收费公示, 选举, 民主评议. */
export function CommunityOpenLinks({ communityId, communityName }: { communityId: string; communityName: string }) {
  const { t } = useTranslation();
  return (
    <nav className="portal-open-links" aria-label={t('portal.open.label', { name: communityName })}>
      <ul>
        {openSections.map((s) => (
          <li key={s}>
            <Link to={openSectionPath(communityId, s)}>{t(`portal.open.${s}`)}</Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
