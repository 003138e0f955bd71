// The order an import applies its articles in: every article after the new articles it references (set parts,
// accessories), so each batch's references exist in the state or in the batch itself, and after the article it is
// replaced by when the import changes that one too, so no batch meets a replacement chain the import has not yet
// finished turning round. New articles that reference each other in a circle (two accessories of each other) form
// one group that must go into one batch. Tarjan's algorithm, iterative (a chain of set parts may be 100 000 long: no recursion),
// emits the groups exactly in that order: a group after every group it references.
import type { Article } from '../../../schemas/entities.ts';
import { assert } from '../assert.ts';

export function referencesOf(article: Article): string[] {
  const refs = [...article.setParts, ...article.accessories];
  if (article.replacedBy !== null) refs.push(article.replacedBy);
  return refs;
}

/** The references of `article` that must be applied before it (or in its batch). */
function mustPrecede(article: Article, articles: ReadonlyMap<string, Article>, existing: ReadonlyMap<string, Article>) {
  const refs: string[] = [];
  for (const ref of article.setParts) if (articles.has(ref) && !existing.has(ref)) refs.push(ref);
  for (const ref of article.accessories) if (articles.has(ref) && !existing.has(ref)) refs.push(ref);
  if (article.replacedBy !== null && articles.has(article.replacedBy)) refs.push(article.replacedBy);
  return refs;
}

/**
 * Groups of mutually referencing articles, each after the groups it references. O(articles + references).
 * `articles`: what the import writes; `existing`: the catalog before it.
 */
export function applyGroups(
  articles: ReadonlyMap<string, Article>,
  existing: ReadonlyMap<string, Article>,
): Article[][] {
  const indexOf = new Map<string, number>();
  const lowOf = new Map<string, number>();
  const onStack = new Set<string>();
  const stack: string[] = [];
  const groups: Article[][] = [];
  let next = 0;
  for (const [root, article] of articles) {
    if (indexOf.has(root)) continue;
    const rootRefs = mustPrecede(article, articles, existing);
    if (rootRefs.length === 0) {
      // Most articles reference nothing the import writes: a group of one, at once (a later walk skips it).
      indexOf.set(root, next++);
      groups.push([article]);
      continue;
    }
    // Each frame: an article and how many of its references were walked.
    const frames: Array<{ artNo: string; refs: string[]; at: number }> = [];
    const enter = (artNo: string) => {
      indexOf.set(artNo, next);
      lowOf.set(artNo, next++);
      stack.push(artNo);
      onStack.add(artNo);
      frames.push({ artNo, refs: mustPrecede(articles.get(artNo)!, articles, existing), at: 0 });
    };
    enter(root);
    while (frames.length > 0) {
      const frame = frames[frames.length - 1]!;
      if (frame.at < frame.refs.length) {
        const ref = frame.refs[frame.at++]!;
        if (!indexOf.has(ref)) enter(ref);
        else if (onStack.has(ref)) lowOf.set(frame.artNo, Math.min(lowOf.get(frame.artNo)!, indexOf.get(ref)!));
        continue;
      }
      frames.pop();
      const parent = frames[frames.length - 1];
      if (parent !== undefined) lowOf.set(parent.artNo, Math.min(lowOf.get(parent.artNo)!, lowOf.get(frame.artNo)!));
      if (lowOf.get(frame.artNo) !== indexOf.get(frame.artNo)) continue;
      const group: Article[] = [];
      let member: string;
      do {
        member = stack.pop()!;
        onStack.delete(member);
        group.push(articles.get(member)!);
      } while (member !== frame.artNo);
      groups.push(group);
    }
  }
  assert(stack.length === 0, 'every article is in a group');
  return groups;
}

/**
 * Packs groups in order into batches of at most `max` articles. A group is never split: a larger one (rare: that many
 * new articles referencing each other in a circle) is a batch of its own; the plan refuses groups past one command.
 */
export function packBatches(groups: readonly Article[][], max: number): Article[][] {
  const batches: Article[][] = [];
  let current: Article[] = [];
  for (const group of groups) {
    if (current.length > 0 && current.length + group.length > max) {
      batches.push(current);
      current = [];
    }
    current.push(...group);
  }
  if (current.length > 0) batches.push(current);
  return batches;
}
