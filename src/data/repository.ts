/** The repository pages link to for edits (src/lib/edit-link.ts), read once per build from the environment. */
import { editUrl, repositoryFromEnv } from '../lib/edit-link';

const repository = repositoryFromEnv(process.env);

/** Where to edit the file an entry was read from, or undefined when there is nowhere right to send a reader. */
export const editUrlOf = (entry: { filePath?: string | undefined }) => editUrl(repository, entry.filePath);
