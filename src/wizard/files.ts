import { homedir } from 'node:os';
import { resolve } from 'node:path';
import { describeWriteError, fileExists, writePathProblem, writeUserFile } from '../fs/write-file.js';
import { type Prompter, type PromptText, promptText } from '../inputs/prompter.js';
import { expandHome, filePathSchema, schemaValidator } from '../inputs/schemas.js';
import { msg } from '../messages/index.js';
import type { Screen } from './context.js';

/**
 * A file name typed at a prompt, absolute: no shell expanded `~` in it, so it is done here
 * (os.homedir() reads $HOME first, as a shell does), and a relative name is taken from `workDir`.
 */
export function answerPath(answer: string, workDir: string): string {
  return resolve(workDir, expandHome(answer.trim(), homedir()));
}

/**
 * Asks where to write a file and writes it (mode 0600 unless `public`, atomically). A folder that
 * does not exist is not created (a typo would otherwise scatter folders): it is said, as for
 * `--junit`, and asked again. An existing file is replaced only after an explicit yes (default no);
 * a failed write says why and asks again. Returns the path
 * written, or null when the user gave up (an empty answer after a refusal).
 */
export async function writeFileAsked(
  deps: { prompter: Prompter; screen: Screen },
  file: { name: string; message: PromptText; defaultPath: string; workDir: string; content: string; public?: boolean },
): Promise<string | null> {
  const { prompter, screen } = deps;
  let suggestion: string | undefined = file.defaultPath;
  for (;;) {
    const answer = await prompter.input({
      name: file.name,
      // Once a suggestion is refused there is none left: Enter then skips the file.
      message: suggestion ? file.message : msg('wizard.files.enter-to-skip', { question: promptText(file.message) }),
      ...(suggestion && { default: suggestion }),
      validate: schemaValidator(filePathSchema, { optional: !suggestion }),
    });
    if (answer.trim() === '') return null;
    const path = answerPath(answer, file.workDir);
    const problem = await writePathProblem(path);
    if (problem) {
      screen.show({ kind: 'problem', text: msg('wizard.files.cannot-write', { path, problem }) });
      suggestion = undefined;
      continue;
    }
    if (await fileExists(path)) {
      const replace = await prompter.confirm({ name: `${file.name}Overwrite`, message: msg('wizard.files.replace', { path }), default: false });
      if (!replace) {
        suggestion = undefined;
        continue;
      }
    }
    try {
      const how = await writeUserFile(path, file.content, { private: !file.public, warn: (line) => screen.show({ kind: 'warning', text: line }) });
      screen.show({ kind: 'success', text: msg('wizard.files.wrote', { path, private: !(file.public || how === 'in-place') }), gap: false });
      return path;
    } catch (error) {
      screen.show({ kind: 'problem', text: describeWriteError(path, error) });
      suggestion = undefined;
    }
  }
}
