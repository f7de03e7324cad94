import type { Translations } from '../define.js';
import type { fleetEn } from '../en/fleet.js';
import { formatterFor } from '../format.js';

const f = formatterFor('de');
/** Nominative ("3 Ziele werden geprüft") and dative ("von 3 Zielen"): German inflects the noun after the count. */
const targets = (n: number) => f.plural(n, { one: '#\u00a0Ziel', other: '#\u00a0Ziele' });
const ofTargets = (n: number) => f.plural(n, { one: '#\u00a0Ziel', other: '#\u00a0Zielen' });
const tokens = (n: number) => f.plural(n, { one: '#\u00a0Token', other: '#\u00a0Token' });

export const fleetDe: Translations<typeof fleetEn> = {
  'fleet.start': (p) => `${f.plural(p.targets, { one: '#\u00a0Ziel wird', other: '#\u00a0Ziele werden' })} geprüft, mit ${tokens(p.tokens)}, ${f.number(p.concurrency)} gleichzeitig`,
  'fleet.start-shard': (p) =>
    `Teil ${p.index} von ${p.count}: ${f.number(p.targets)} von ${ofTargets(p.inFile)} ${f.plural(p.targets, { one: 'wird', other: 'werden' })} geprüft, mit ${tokens(p.tokens)}, ${f.number(p.concurrency)} gleichzeitig`,

  'fleet.flag-per-target': (p) =>
    `${p.flag}: nicht zusammen mit --targets; jedes Ziel nimmt den Wert aus der Spalte ${f.list(p.columns, 'disjunction')}`,
  'fleet.wait-not-with-targets':
    '--wait: nicht zusammen mit --targets (ein Lauf über mehrere Ziele wiederholt vorübergehende Fehler selbst; verwenden Sie --wait bei einer einzelnen Prüfung)',
  'fleet.verbose-not-with-targets':
    '--verbose: nicht zusammen mit --targets (es zeigt einen einzelnen SMTP-Dialog; führen Sie dafür eine einzelne Prüfung aus)',
  'fleet.concurrency-range': (p) => `--concurrency: muss eine ganze Zahl von 1 bis ${p.max} sein`,
  'fleet.targets-unreadable': (p) => `--targets: ${p.path}: ${p.reason}`,
  'fleet.variable-not-set': (p) => `${p.origin} (${p.name}): ${p.column}: Die Umgebungsvariable ${p.variable} ist nicht gesetzt`,
  'fleet.target-problem': (p) => `${p.origin} (${p.name}): ${p.problem}`,
  'fleet.origin.row': (p) => `${p.file} Zeile ${p.row}`,
  'fleet.origin.entry': (p) => `${p.file} Eintrag ${p.entry}`,
  'fleet.targets.secret-column': (p) =>
    `${p.origin}: „${p.column}“: Eine Zieldatei enthält nie geheime Werte; nennen Sie stattdessen die Umgebungsvariable (secretEnv) oder die Datei (secretFile), die den Wert enthält`,
  'fleet.targets.unknown-column': (p) => `${p.origin}: unbekannte Spalte „${p.column}“ (bekannt: ${p.known.join(', ')})`,
  'fleet.targets.missing': (p) => `${p.origin}: ${p.column} fehlt`,
  'fleet.targets.invalid': (p) => `${p.origin}: ${p.column}: ${p.problem}`,
  'fleet.targets.env-name': (p) => `${p.origin}: ${p.column}: muss der Name einer Umgebungsvariablen sein, z.\u00a0B. CONTOSO_SMTP_SECRET`,
  'fleet.targets.goes-with-certificate': (p) => `${p.origin}: ${p.column}: nur zusammen mit certificateFile`,
  'fleet.targets.one-credential': (p) => `${p.origin}: Geben Sie nur eine der Angaben ${p.given.join(', ')} an, nicht ${p.given.length === 2 ? 'beide' : 'mehrere'}`,
  'fleet.targets.no-credential': (p) =>
    `${p.origin}: secretEnv, secretFile oder certificateFile fehlt (die Variable oder Datei mit dem geheimen Clientschlüssel, oder das Zertifikat)`,
  'fleet.targets.duplicate-name': (p) => `${p.origin}: Der Name „${p.name}“ wird auch von ${p.earlier} verwendet`,
  'fleet.targets.empty': (p) => `${p.file}: keine Ziele`,
  'fleet.targets.not-json': (p) => `${p.file}: kein gültiges JSON (${p.reason})`,
  'fleet.targets.not-list': (p) => `${p.file}: erwartet wird ein JSON-Array von Objekten oder { "targets": [ … ] }`,
  'fleet.targets.not-csv': (p) => `${p.file}: keine gültige CSV-Datei (${p.reason})`,

  'fleet.shard.form': (p) => `--shard: „${p.value}“ muss die Form <Index>/<Anzahl> haben, z.\u00a0B. 2/5 (der 2. von 5 Teilen, ab 1 gezählt)`,
  'fleet.shard.count': (p) => `--shard: Die Anzahl in „${p.value}“ muss eine ganze Zahl von 1 bis ${p.max} sein`,
  'fleet.shard.index': (p) => `--shard: Der Index in „${p.value}“ muss eine ganze Zahl von 1 bis ${p.count} sein (Teile werden ab 1 gezählt)`,
  'fleet.shard.without-targets': '--shard: nur zusammen mit --targets (es teilt eine Zieldatei auf CI-Jobs auf)',

  'fleet.merge.no-files': 'report merge: Nennen Sie die zusammenzuführenden JSON-Dateien (die Ausgabe von check --targets --json jedes Teils)',
  'fleet.merge.unreadable': (p) => `${p.file}: ${p.reason}`,
  'fleet.merge.not-json': (p) => `${p.file}: kein gültiges JSON (${p.reason})`,
  'fleet.merge.not-fleet': (p) => `${p.file}: nicht das JSON von check --targets --json (${p.violation})`,
  'fleet.merge.merged': (p) => `${f.plural(p.files, { one: '#\u00a0Bericht', other: '#\u00a0Berichte' })} zusammengeführt: ${targets(p.targets)}`,
  'fleet.merge.not-finished': (p) =>
    `${p.file}: der Bericht eines Laufs, der seine Ziele nicht geprüft hat (Exit-Code ${p.exitCode}: ${p.reason}); führen Sie diesen Teil erneut aus und führen Sie dann zusammen`,
  'fleet.merge.mixed-counts': (p) => `Die Dateien gehören zu unterschiedlichen Aufteilungen (${p.shards.join(', ')}); führen Sie die Teile eines einzigen Laufs zusammen`,
  'fleet.merge.overlap': (p) => `Teil ${p.index} von ${p.count} ist sowohl in ${p.first} als auch in ${p.second}`,
  'fleet.merge.missing': (p) =>
    f.plural(p.missing.length, { one: `Teil ${p.missing.join(', ')} von ${p.count} fehlt`, other: `Teile ${p.missing.join(', ')} von ${p.count} fehlen` }) + ': Führen Sie das JSON aller Teile zusammen',
  'fleet.merge.twice-in-file': (p) => `Ziel „${p.name}“ steht zweimal in ${p.file}`,
  'fleet.merge.twice': (p) => `Ziel „${p.name}“ wurde zweimal geprüft: in ${p.first} und in ${p.second}`,

  'fleet.column.target': 'Ziel',
  'fleet.column.mailbox': 'Postfach',
  'fleet.column.result': 'Ergebnis',
  'fleet.column.exit': 'Exit',
  'fleet.column.step': 'Schritt',
  'fleet.result.sent': 'ok, E-Mail angenommen',
  'fleet.result.authenticated': 'ok, AUTH angenommen',
  'fleet.result.failed': 'fehlgeschlagen',
  'fleet.result.warning': 'Warnung',
  'fleet.summary.passed': (p) => `${f.number(p.passed)} von ${f.number(p.targets)} erfolgreich`,
  'fleet.summary.failed': (p) =>
    `${f.number(p.failed)} fehlgeschlagen (${p.byExitCode.map((e) => `${f.number(e.count)} × Exit-Code ${e.exitCode}`).join(', ')})`,
  'fleet.summary.tokens': (p) => tokens(p.tokens),
  'fleet.summary.retries': (p) => f.plural(p.retries, { one: '#\u00a0Wiederholung', other: '#\u00a0Wiederholungen' }),
  'fleet.summary.exit': (p) =>
    `Exit-Code ${p.exitCode}: der schwerwiegendste Fehler (${
      {
        internal: 'interner Fehler',
        input: 'ungültige Eingabe',
        token: 'Token von Entra ID',
        'smtp-auth': 'Exchange hat AUTH abgelehnt',
        'smtp-message': 'Exchange hat die E-Mail abgelehnt',
        network: 'Netzwerk- oder vorübergehender Fehler',
        failed: 'fehlgeschlagen',
      }[p.kind]
    }).`,
  'fleet.progress.status': (p) => `${f.number(p.checked)} von ${f.number(p.total)} geprüft${p.failed ? `, ${f.number(p.failed)} fehlgeschlagen` : ''}`,
  'fleet.progress.failure': (p) => `${p.name}: ${p.code} (Exit-Code ${p.exitCode})`,
};
