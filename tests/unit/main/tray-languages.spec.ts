// The tray menu, its tooltip and the notifications in each language the app speaks, and the main
// process choosing that language from the settings or, by default, from the OS locale.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { FakeNotification, resetElectronMock } from './electron-mock.js';
import type { TrayModel } from '../../../electron/main/tray-model.js';
import { resolveLanguage } from '../../../electron/core/shared/i18n/languages.js';

vi.mock('electron', async () => (await import('./electron-mock.js')).electron);
const { trayMenuTemplate } = await import('../../../electron/main/tray.js');
const { trayTooltip } = await import('../../../electron/main/tray-model.js');
const { notifyNewVoicemail, notifyStillRunning } = await import('../../../electron/main/notifications.js');

const NOW = Date.UTC(2025, 0, 10, 12, 0, 0);
const model = (language: TrayModel['language'], over: Partial<TrayModel> = {}): TrayModel => ({
  status: 'online',
  syncedAt: NOW - 4 * 60_000,
  unread: 2,
  startAtLogin: false,
  language,
  ...over,
});
const actions = () => ({
  toggleWindow: vi.fn(),
  openDirectory: vi.fn(),
  syncNow: vi.fn(),
  openVoicemail: vi.fn(),
  setStartAtLogin: vi.fn(),
  quit: vi.fn(),
});
const labels = (m: TrayModel) => trayMenuTemplate(m, actions()).flatMap((i) => (i.label ? [i.label] : []));

beforeEach(resetElectronMock);

describe('tray in each language', () => {
  it('Spanish', () => {
    expect(labels(model('es'))).toEqual([
      'Abrir el directorio',
      'Sincronizar ahora',
      'Mi buzón de voz (2)',
      'Iniciar al iniciar sesión',
      'Salir',
    ]);
    expect(trayTooltip(model('es'), NOW)).toBe(
      'VitalPBX Directory — en línea, sincronizado hace 4 min — 2 mensajes de voz sin escuchar',
    );
    expect(trayTooltip(model('es', { status: 'offline', unread: 0, syncedAt: null }), NOW)).toBe(
      'VitalPBX Directory — sin conexión, todavía sin directorio',
    );
  });

  it('Brazilian Portuguese', () => {
    expect(labels(model('pt-BR', { unread: 1 }))).toEqual([
      'Abrir o diretório',
      'Sincronizar agora',
      'Meu correio de voz (1)',
      'Iniciar com o login',
      'Sair',
    ]);
    expect(trayTooltip(model('pt-BR', { unread: 1, syncedAt: NOW - 3 * 3_600_000 }), NOW)).toBe(
      'VitalPBX Directory — on-line, sincronizado há 3 h — 1 mensagem de voz não ouvida',
    );
  });

  it('formats counts the language’s way', () => {
    expect(labels(model('es', { unread: 12000 }))).toContain('Mi buzón de voz (12.000)');
    expect(labels(model('en', { unread: 12000 }))).toContain('My voicemail (12,000)');
  });
});

describe('notifications in each language', () => {
  const payload = { mailbox: '201', unread: 3, newKeys: ['a', 'b'] };

  it.each([
    ['es', '2 mensajes de voz nuevos', 'Buzón 201: 3 sin escuchar. Haga clic para abrir el directorio.'],
    ['pt-BR', '2 novas mensagens de voz', 'Caixa postal 201: 3 não ouvidas. Clique para abrir o diretório.'],
  ] as const)('%s: new voicemail', (language, title, body) => {
    notifyNewVoicemail(payload, language, vi.fn());
    expect(FakeNotification.instances[0]?.options).toMatchObject({ title, body });
  });

  it.each([
    ['es', 'VitalPBX Directory sigue en ejecución'],
    ['pt-BR', 'O VitalPBX Directory continua em execução'],
  ] as const)('%s: still running in the tray', (language, title) => {
    notifyStillRunning(language, vi.fn());
    expect(FakeNotification.instances[0]?.options.title).toBe(title);
  });
});

describe("the main process's language", () => {
  it('follows the OS locale unless the setting names a language', () => {
    expect(resolveLanguage('system', ['es-MX'])).toBe('es');
    expect(resolveLanguage(undefined, ['pt-PT'])).toBe('pt-BR');
    expect(resolveLanguage('system', ['de-DE'])).toBe('en');
    expect(resolveLanguage('pt-BR', ['en-US'])).toBe('pt-BR');
    expect(resolveLanguage('en', ['es-AR'])).toBe('en');
  });
});
