import type { Translations } from '../define.js';
import type { certificateEn, fileAccessEn, inputsEn } from '../en/inputs.js';
import { formatterFor, portalPath } from '../format.js';
import { vocabularyDe as v } from '../vocabulary/de.js';

const f = formatterFor('de');

const on = (p: { field?: string | undefined; saved?: boolean | undefined }) =>
  p.field === undefined ? '' : p.saved ? `gespeicherte Konfiguration: ${p.field}: ` : `${p.field}: `;

const secretSource = (p: { source: 'file' | 'stdin' | 'env' | 'saved' | 'prompt'; path?: string | undefined }) =>
  p.source === 'file'
    ? `geheimer Clientschlüssel (Datei ${p.path ?? ''}): `
    : p.source === 'stdin'
      ? 'geheimer Clientschlüssel (Standardeingabe): '
      : p.source === 'env'
        ? 'geheimer Clientschlüssel (AZURE_CLIENT_SECRET): '
        : p.source === 'saved'
          ? 'geheimer Clientschlüssel (gespeicherte Konfiguration): '
          : '';

const range = (min: number, max: number) => `von ${f.number(min, { useGrouping: false })} bis ${f.number(max, { useGrouping: false })}`;
const TENANT = `die Mandanten-ID (eine GUID, ${portalPath(v.entraId, v.overview)} → Mandanten-ID) oder eine verifizierte Domäne wie contoso.onmicrosoft.com`;

export const inputsDe: Translations<typeof inputsEn> = {
  'input.empty': (p) => `${on(p)}ist leer`,
  'input.not-a-value': (p) => `${on(p)}${p.detail}`,
  'input.tenant.alias': (p) =>
    `${on(p)}„${p.value}“ ist kein Mandant: Für Clientanmeldeinformationen brauchen Sie Ihren eigenen Mandanten, also ${TENANT}`,
  'input.tenant.invalid': (p) => `${on(p)}muss ${TENANT} sein`,
  'input.client-id.invalid': (p) => `${on(p)}muss die ${v.applicationClientId} sein, eine GUID auf der Seite ${f.quote(v.overview)} der App-Registrierung`,
  'input.address.invalid': (p) => `${on(p)}muss eine E-Mail-Adresse wie alerts@contoso.com sein`,
  'input.address.local-too-long': (p) =>
    `${on(p)}hat einen lokalen Teil (vor dem @) von ${f.plural(p.octets, { one: '# Zeichen', other: '# Zeichen' })}; erlaubt sind höchstens ${f.number(p.max)} (RFC 5321)`,
  'input.address.domain-too-long': (p) =>
    `${on(p)}hat eine Domäne von ${f.plural(p.octets, { one: '# Zeichen', other: '# Zeichen' })}; erlaubt sind höchstens ${f.number(p.max)} (RFC 5321)`,
  'input.address.too-long': (p) => `${on(p)}ist ${f.plural(p.octets, { one: '# Zeichen', other: '# Zeichen' })} lang; eine Adresse hat höchstens ${f.number(p.max)} (RFC 5321)`,
  'input.host.invalid': (p) => `${on(p)}muss ein Hostname wie smtp.office365.com sein`,
  'input.port.invalid': (p) =>
    p.problem === 'empty'
      ? `${on(p)}ist leer`
      : p.problem === 'not-decimal'
        ? `${on(p)}muss eine Zahl ${range(p.min, p.max)} in Dezimalziffern sein`
        : p.problem === 'not-whole'
          ? `${on(p)}muss eine ganze Zahl ${range(p.min, p.max)} sein`
          : `${on(p)}muss eine Zahl ${range(p.min, p.max)} sein`,
  'input.timeout.invalid': (p) =>
    p.problem === 'empty'
      ? `${on(p)}ist leer`
      : p.problem === 'not-decimal'
        ? `${on(p)}muss eine Anzahl Sekunden in Dezimalziffern sein`
        : p.problem === 'too-big'
          ? `${on(p)}darf höchstens ${f.number(p.max)}\u00a0Sekunden betragen`
          : `${on(p)}muss eine positive Anzahl Sekunden sein`,
  'input.warn-days.invalid': (p) =>
    p.problem === 'empty'
      ? `${on(p)}ist leer`
      : p.problem === 'not-decimal'
        ? `${on(p)}muss eine Anzahl Tage in Dezimalziffern sein`
        : p.problem === 'not-whole'
          ? `${on(p)}muss eine ganze Anzahl Tage sein`
          : p.problem === 'too-small'
            ? `${on(p)}muss 0 oder mehr Tage betragen`
            : `${on(p)}darf höchstens ${f.number(p.max)}\u00a0Tage betragen (geheime Clientschlüssel aus dem Portal gelten höchstens ${f.number(p.months)}\u00a0Monate)`,
  'input.authority.not-url': (p) => `${on(p)}muss eine https-URL wie https://login.microsoftonline.com sein`,
  'input.authority.not-https': (p) => `${on(p)}muss https verwenden (Token werden nie unverschlüsselt angefordert)`,
  'input.authority.not-host-only': (p) => `${on(p)}darf nur den Host enthalten, etwa https://login.microsoftonline.com (ohne Mandant und Pfad)`,
  'input.cloud.invalid': (p) => `${on(p)}muss einer dieser Werte sein: ${p.clouds.join(', ')}`,
  'input.proxy.invalid': (p) => `${on(p)}muss eine Proxy-URL wie http://proxy.contoso.com:8080 sein`,
  'input.wait.invalid': (p) => `${on(p)}muss eine Dauer wie 90s, 30m oder 1h sein`,
  'input.wait.range': (p) => `${on(p)}muss zwischen 1s und 24h liegen`,
  'input.secret-expires.invalid': (p) =>
    `${on(p)}muss ein Datum wie 2026-03-31 sein (die Spalte ${f.quote(v.expires)} unter ${v.certificatesAndSecrets} → ${v.clientSecrets}) oder ein Datum mit Uhrzeit nach ISO 8601`,
  'input.file-path.empty': (p) => `${on(p)}muss eine Datei nennen`,
  'input.file-path.nul': (p) => `${on(p)}ist kein Dateiname`,
  'input.file-path.other-home': (p) =>
    `${on(p)}nur ~ und ~/… werden erweitert (nicht ~name, das Basisverzeichnis eines anderen Benutzers): Geben Sie den vollständigen Pfad an`,

  'input.secret.empty': (p) => `${secretSource(p)}ist leer`,
  'input.secret.too-long': (p) => `${secretSource(p)}ist zu lang für einen geheimen Clientschlüssel`,
  'input.secret.white-space': (p) => `${secretSource(p)}enthält Leerzeichen; kopieren Sie den ${f.quote(v.valueColumn)} des Schlüssels erneut`,
  'input.secret.looks-like-id': `Der geheime Clientschlüssel sieht wie eine GUID aus: Das ist vermutlich die ID des Schlüssels (${v.secretId}), nicht sein ${f.quote(v.valueColumn)}. Kopieren Sie unter ${portalPath(v.entraId, v.appRegistrations, 'Ihre App', v.certificatesAndSecrets)} die Spalte ${f.quote(v.valueColumn)} (sie wird nur beim Erstellen des Schlüssels angezeigt).`,
  'input.secret.given-as-file':
    '--client-secret-file: Diese Datei gibt es nicht, und der angegebene Wert sieht selbst wie ein geheimer Clientschlüssel aus (nicht angezeigt). Schreiben Sie den Wert des Schlüssels in eine Datei und geben Sie deren Pfad an, oder leiten Sie ihn mit --client-secret-stdin weiter.',
  'input.secret.file-and-stdin': '--client-secret-file und --client-secret-stdin: Geben Sie den Schlüssel nur auf einem Weg an',
  'input.secret.stdin-unavailable': (p) => `${p.field}: Die Standardeingabe kann hier nicht gelesen werden`,
  'input.secret.stdin-unreadable': (p) => `${p.field}: Standardeingabe: ${p.reason}`,
  'input.secret.file-unreadable': (p) => `${p.field}: ${p.path}: ${p.reason}`,

  'input.private-key-alone': (p) => `${p.field}: nur zusammen mit --certificate`,
  'input.certificate-and-secret': (p) =>
    `${p.saved ? 'gespeicherte Konfiguration (Zertifikat)' : p.field} und ${p.secrets.join(', ')}: Geben Sie ein Zertifikat oder einen geheimen Clientschlüssel an, nicht beides`,
  'input.missing': (p) =>
    `${f.plural(p.fields.length, { one: 'Es fehlt', other: 'Es fehlen' })}: ${p.fields
      .map((m) =>
        m.env
          ? `${m.field} (oder ${m.env})`
          : m.field === 'client-secret'
            ? 'geheimer Clientschlüssel (AZURE_CLIENT_SECRET, --client-secret-file <Pfad|-> oder --client-secret-stdin)'
            : m.field,
      )
      .join(', ')}.`,
  'input.missing-hint': (p) =>
    p.prompting
      ? 'Geben Sie die Werte als Optionen oder Umgebungsvariablen an.'
      : 'Keine Nachfrage (kein Terminal oder --no-input): Geben Sie die Werte als Optionen oder Umgebungsvariablen an; siehe `smtp-oauth-setup check --help`.',

  'input.question.tenant-id': `${v.directoryTenantId} oder eine verifizierte Domäne wie contoso.onmicrosoft.com`,
  'input.question.client-id': v.applicationClientId,
  'input.question.mailbox': 'Postfach, von dem die E-Mails versendet werden (der Benutzername der SMTP-Anmeldung)',
  'input.question.client-secret': `Geheimer Clientschlüssel (sein ${v.valueColumn}, nicht die ${v.secretId})`,
  'input.question.certificate-password': (p) => `Kennwort des privaten Schlüssels in ${p.path} (wird nicht gespeichert)`,
  'input.secret-source.typed-password': 'das eingegebene Kennwort',

  'input.credential.secret': (p) => `geheimer Clientschlüssel aus ${p.source} (${f.plural(p.length, { one: '# Zeichen', other: '# Zeichen' })}, nicht angezeigt)`,
  'input.credential.certificate': (p) => `Zertifikat ${p.thumbprint} aus ${p.source} (${p.subject}, gültig bis ${f.date(p.notAfter)})`,
  'input.source.file': (p) => `Datei ${p.path}`,
  'input.source.stdin': 'Standardeingabe',
  'input.source.saved': 'gespeicherte Konfiguration',
  'input.source.prompt': 'Eingabe',
  'input.origin.saved': (p) => `gespeicherte Konfiguration: ${p.key}`,
  'input.origin.saved-certificate': 'gespeicherte Konfiguration (Zertifikat)',
};

export const certificateDe: Translations<typeof certificateEn> = {
  'input.certificate.unreadable': (p) => `${p.field}: ${p.path}: ${p.reason}`,
  'input.certificate.no-certificate': (p) => `${p.field}: ${p.path} enthält kein PEM-Zertifikat (-----BEGIN CERTIFICATE-----)`,
  'input.certificate.no-key-in-key-file': (p) => `${p.field}: ${p.path} enthält keinen privaten Schlüssel im PEM-Format`,
  'input.certificate.no-key': (p) => `${p.field}: ${p.path} enthält keinen privaten Schlüssel; geben Sie ihn in derselben PEM-Datei oder mit --private-key <pem> an`,
  'input.certificate.no-key-hint': (p) => `${p.field}: ${p.path} enthält keinen privaten Schlüssel; ${p.hint}`,
  'input.certificate.key-exposed': (p) => `${p.field}: ${p.problem}`,
  'input.certificate.unparsable': (p) => `${p.field}: Das Zertifikat kann nicht gelesen werden (${p.detail})`,
  'input.certificate.key-encrypted': (p) => `${p.field}: Der private Schlüssel ist verschlüsselt: Setzen Sie ${p.password}`,
  'input.certificate.wrong-password': (p) => `${p.field}: Der private Schlüssel lässt sich mit ${p.password} nicht entschlüsseln (falsches Kennwort?)`,
  'input.certificate.key-unreadable': (p) => `${p.field}: Der private Schlüssel kann nicht gelesen werden`,
  'input.certificate.not-rsa': (p) =>
    p.keyType
      ? `${p.field}: Der Schlüssel ist ein ${p.keyType}-Schlüssel; Zertifikate als Anmeldeinformation in Entra ID brauchen einen RSA-Schlüssel`
      : `${p.field}: Der Schlüssel ist kein RSA-Schlüssel; Zertifikate als Anmeldeinformation in Entra ID brauchen einen RSA-Schlüssel`,
  'input.certificate.key-mismatch': (p) => `${p.field}: Der private Schlüssel gehört nicht zum Zertifikat`,
  'input.certificate.expired': (p) =>
    `${p.field}: Das Zertifikat ist am ${f.date(p.notAfter)} abgelaufen; erstellen Sie ein neues und laden Sie es hoch (${portalPath(v.certificatesAndSecrets, v.certificates, v.uploadCertificate)})`,
};


export const fileAccessDe: Translations<typeof fileAccessEn> = {
  'file.too-large': (p) => `größer als ${f.bytes(p.limitBytes)}`,
  'file.read-reason': (p) => {
    switch (p.reason) {
      case 'no-such-file':
        return 'Datei nicht gefunden';
      case 'permission-denied':
        return 'Zugriff verweigert';
      case 'directory':
        return 'das ist ein Ordner';
      case 'unreadable':
        return 'kann nicht gelesen werden';
      case 'too-large':
        return `größer als ${f.bytes(p.limitBytes ?? 0)}, mehr als jede echte Datei dieser Art`;
    }
  },
  'file.write-reason': (p) => {
    switch (p.reason) {
      case 'permission-denied':
        return 'Zugriff verweigert';
      case 'no-directory':
        return 'der Ordner existiert nicht';
      case 'directory':
        return 'das ist ein Ordner';
      case 'no-space':
        return 'kein Speicherplatz mehr auf dem Gerät';
      case 'read-only':
        return 'schreibgeschütztes Dateisystem';
      case 'no-reader':
        return 'niemand liest sie (starten Sie zuerst den Leser der benannten Pipe)';
      case 'reader-stalled':
        return 'ihr Leser liest nicht mehr';
      case 'reader-closed':
        return 'ihr Leser hat sie geschlossen';
      case 'link-loop':
        return 'zu viele symbolische Links';
      case 'other':
        return p.detail ?? 'kann nicht geschrieben werden';
    }
  },
  'file.cannot-write': (p) => `${p.path} kann nicht geschrieben werden: ${p.reason}`,
  'file.write-path.directory-missing': (p) => `der Ordner ${p.directory} existiert nicht`,
  'file.write-path.directory-not-writable': (p) => `in den Ordner ${p.directory} kann nicht geschrieben werden`,
  'file.readable-by-others': (p) =>
    `${p.path} enthält ${p.holds === 'client-secret' ? 'den geheimen Clientschlüssel' : 'einen privaten Schlüssel'}, und andere Benutzer können die Datei lesen (Modus ${p.mode}); sie wird nicht verwendet. Abhilfe: ${p.fix}`,
  'file.readable-by-others-windows': (p) =>
    `${p.path} enthält ${p.holds === 'client-secret' ? 'den geheimen Clientschlüssel' : 'einen privaten Schlüssel'}, und andere Konten können die Datei lesen (ihre ACL berechtigt ${p.trustees.join(', ')}); sie wird nicht verwendet. Abhilfe (PowerShell): ${p.fix}`,
  'file.acl-not-set': (p) =>
    `${p.path} konnte nicht auf Ihr Konto beschränkt werden (${p.reason}); andere Konten auf diesem Computer können sie möglicherweise lesen.`,
  'file.unknown-error': 'unbekannter Fehler',
  'file.trustee.everyone': 'Jeder',
  'file.trustee.authenticated-users': 'Authentifizierte Benutzer',
  'file.trustee.users': 'Benutzer',
  'file.trustee.guests': 'Gäste',
  'file.trustee.interactive': 'Interaktiv',
  'file.trustee.network': 'Netzwerk',
  'file.trustee.anonymous': 'Anonymous-Anmeldung',
  'file.trustee.domain-users': 'Domänen-Benutzer',
  'file.trustee.creator-owner': 'Ersteller-Besitzer',
  'file.trustee.owner-rights': 'Besitzerrechte',
  'file.trustee.power-users': 'Hauptbenutzer',
  'file.trustee.remote-desktop-users': 'Remotedesktopbenutzer',
};
