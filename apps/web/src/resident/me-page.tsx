import { Button, Dialog, List, NavBar } from 'antd-mobile';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router-dom';
import { useSession } from '../features/session/session-context.js';
import { useElderMode } from './elder-mode.js';
import { InlineNotice, useFeedback } from './feedback.js';
import { LanguageButtons } from './language-buttons.js';
import { ToggleSwitch } from './toggle-switch.js';

/** 我的: who I am, my roles, elder mode, language, password, logout. */
export default function MePage() {
  const { t } = useTranslation();
  const { me, logout } = useSession();
  const elder = useElderMode();
  const feedback = useFeedback();
  const navigate = useNavigate();
  if (!me) return null;

  const toggleElder = async (on: boolean) => {
    // Say it in the mode just chosen: inline when elder mode is now on, a toast when it is off.
    feedback.show('success', t(on ? 'resident.me.elderOn' : 'resident.me.elderOff'), on);
    await elder.set(on).catch(() => undefined);
  };

  const doLogout = async () => {
    await logout();
    navigate('/m/login', { replace: true });
  };

  // Elder mode asks no questions in pop-ups: logging out is one tap.
  const askLogout = () => {
    if (elder.on) {
      void doLogout();
      return;
    }
    void Dialog.confirm({
      content: t('resident.me.logoutConfirm'),
      confirmText: t('resident.me.logout'),
      cancelText: t('actions.cancel'),
      onConfirm: async () => {
        await doLogout();
      },
    });
  };

  return (
    <div className="resident-page">
      <NavBar back={null}>{t('resident.me.title')}</NavBar>
      <InlineNotice notice={feedback.notice} />
      <List>
        <List.Item extra={me.displayName}>{t('resident.me.name')}</List.Item>
        {me.username && <List.Item extra={me.username}>{t('resident.me.username')}</List.Item>}
        <List.Item extra={me.phoneMasked ?? t('resident.me.noPhone')}>{t('resident.me.phone')}</List.Item>
      </List>
      <List header={t('resident.me.roles')}>
        {me.roles.length === 0 && <List.Item>{t('resident.me.noRoles')}</List.Item>}
        {me.roles.map((r) => (
          <List.Item key={r.id} description={r.placeName}>
            {t(`roles.${r.role}`)}
          </List.Item>
        ))}
      </List>
      <List header={t('resident.me.settings')}>
        <List.Item
          description={t('resident.me.elderModeHint')}
          extra={<ToggleSwitch checked={elder.on} onChange={(on) => void toggleElder(on)} label={t('resident.me.elderMode')} />}
        >
          {t('resident.me.elderMode')}
        </List.Item>
        <List.Item extra={<LanguageButtons />}>{t('resident.me.language')}</List.Item>
        <List.Item>
          <Link to="/m/notification-settings" className="resident-list-link">
            {t('notifications.prefs.title')}
          </Link>
        </List.Item>
        <List.Item>
          <Link to="/m/password" className="resident-list-link">
            {t('resident.me.changePassword')}
          </Link>
        </List.Item>
      </List>
      <div className="resident-actions">
        <Button block size="large" color="danger" fill="outline" onClick={askLogout}>
          {t('resident.me.logout')}
        </Button>
      </div>
    </div>
  );
}
