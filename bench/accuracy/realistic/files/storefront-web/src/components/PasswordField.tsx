import { useState } from 'react';
import { useTranslation } from 'react-i18next';

const MIN_LENGTH = 10;

export function strength(password: string): 0 | 1 | 2 | 3 {
  let score = 0;
  if (password.length >= MIN_LENGTH) score++;
  if (/[A-Z]/.test(password) && /[a-z]/.test(password)) score++;
  if (/[^A-Za-z0-9]/.test(password)) score++;
  return score as 0 | 1 | 2 | 3;
}

export function PasswordField({ name = 'password', onChange }: { name?: string; onChange(v: string): void }) {
  const { t } = useTranslation();
  const [visible, setVisible] = useState(false);
  const [value, setValue] = useState('');
  return (
    <div className="password-field">
      <label htmlFor={name}>{t('auth.password')}</label>
      <input
        id={name}
        type={visible ? 'text' : 'password'}
        autoComplete="current-password"
        value={value}
        onChange={(e) => {
          setValue(e.target.value);
          onChange(e.target.value);
        }}
      />
      <button type="button" onClick={() => setVisible(!visible)} aria-label={t('auth.togglePassword')}>
        {visible ? '🙈' : '👁'}
      </button>
      <meter min={0} max={3} value={strength(value)} />
    </div>
  );
}
