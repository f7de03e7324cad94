import { resolve } from 'node:path';
import { describeWriteError, fileExists, writeFileAtomically, writePrivateFile } from '../config/private-file.js';
import type { Prompter } from '../inputs/prompter.js';
import { filePathSchema } from '../inputs/schemas.js';
import type { Screen } from './context.js';

/** Mode of a file meant to be shared (the public certificate to upload): readable by all, as `touch` makes it. */
const PUBLIC_FILE_MODE = 0o644;

/**
 * Asks where to write a file and writes it (mode 0600 unless `public`, atomically). An existing file is replaced only
 * after an explicit yes (default no); a failed write says why and asks again. Returns the path
 * written, or null when the user gave up (an empty answer after a refusal).
 */
export async function writeFileAsked(
  deps: { prompter: Prompter; screen: Screen },
  file: { name: string; message: string; defaultPath: string; workDir: string; content: string; public?: boolean },
): Promise<string | null> {
  const { prompter, screen } = deps;
  let suggestion: string | undefined = file.defaultPath;
  for (;;) {
    const answer = await prompter.input({
      name: file.name,
      message: suggestion ? file.message : `${file.message} (Enter to skip)`,
      ...(suggestion && { default: suggestion }),
      validate: (value) => (value.trim() === '' && !suggestion ? true : filePathSchema.safeParse(value).success || 'must be a file name'),
    });
    if (answer.trim() === '') return null;
    const path = resolve(file.workDir, answer.trim());
    if (await fileExists(path)) {
      const replace = await prompter.confirm({ name: `${file.name}Overwrite`, message: `${path} exists. Replace it?`, default: false });
      if (!replace) {
        suggestion = undefined;
        continue;
      }
    }
    try {
      if (file.public) await writeFileAtomically(path, file.content, PUBLIC_FILE_MODE);
      else await writePrivateFile(path, file.content);
      screen.say(`${screen.color.green('✔')} Wrote ${path}${file.public ? '' : ' (readable by you only)'}`);
      return path;
    } catch (error) {
      screen.say(screen.color.red(`✖ ${describeWriteError(path, error)}`));
      suggestion = undefined;
    }
  }
}
