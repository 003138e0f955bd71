// Ersättningskedja read model: an article's whole chain in both directions, each hop with its stock, and what
// order.quote would propose to each prescribing profession (proposeReplacement itself, not a copy of its rule).
import type { Article } from '../../../schemas/entities.ts';
import { REPLACEMENT_HOPS_MAX, REPLACEMENT_PREDECESSORS_MAX } from '../../../schemas/limits.ts';
import type { OpArgs } from '../../../schemas/ops.ts';
import type { Profession } from '../../../schemas/primitives.ts';
import { available, MAIN_WAREHOUSE } from '../keys.ts';
import { availableForNew, proposeReplacement } from '../orders/replacement.ts';
import { mayPrescribe } from '../prescribing-rules/rules.ts';
import { found, type QueryResult } from '../query-result.ts';
import { reject } from '../rejections.ts';
import type { State } from '../state.ts';
import { checkReplacementLink, proposedChain } from './replacement-check.ts';

export interface ChainHop {
  artNo: string;
  name: string;
  status: Article['status'];
  kind: Article['kind'];
  isoCode: string;
  replacedBy: string | null;
  /** Steps from the article asked for: negative for the articles it replaces, 0 itself, positive for its successors. */
  hops: number;
  /** Available (onHand - reserved) in the warehouse asked for (default 10), in total, and per warehouse with a row. */
  available: number;
  totalAvailable: number;
  stock: Array<{ warehouse: string; available: number }>;
}

export interface ChainProposal {
  profession: Profession;
  /** What a new order line of one unit would get (order.quote's outcomes; `forbidden`: not this profession's). */
  outcome: 'available' | 'proposal' | 'backorder' | 'discontinued' | 'forbidden';
  artNo: string | null;
  hops: number | null;
}

export interface ReplacementChain {
  warehouse: string;
  article: ChainHop;
  predecessors: ChainHop[];
  successors: ChainHop[];
  /** More predecessors than REPLACEMENT_PREDECESSORS_MAX (the list stops there). */
  predecessorsTruncated: boolean;
  proposals: ChainProposal[];
}

export function replacementChain(
  state: State,
  callerProfession: Profession,
  args: OpArgs<'catalog.replacementChain'>,
): QueryResult<ReplacementChain> {
  const article = state.articles.get(args.artNo);
  if (article === undefined) return reject('not_found', `Artikel ${args.artNo} finns inte.`);
  const warehouse = args.warehouse ?? MAIN_WAREHOUSE;
  if (!state.warehouses.has(warehouse)) return reject('not_found', `Lager ${warehouse} finns inte.`);
  const [predecessors, predecessorsTruncated] = predecessorHops(state, article.artNo, warehouse);
  return found({
    warehouse,
    article: hopOf(state, article, 0, warehouse),
    predecessors,
    successors: successorHops(state, article, warehouse),
    predecessorsTruncated,
    proposals: proposals(state, article.artNo, warehouse, args.profession ?? callerProfession),
  });
}

function hopOf(state: State, article: Article, hops: number, warehouse: string): ChainHop {
  const stock: ChainHop['stock'] = [];
  let total = 0;
  let inWarehouse = 0;
  for (const row of state.stockByArticle.get(article.artNo) ?? []) {
    const units = available(row);
    stock.push({ warehouse: row.warehouse, available: units });
    total += units;
    if (row.warehouse === warehouse) inWarehouse = units;
  }
  stock.sort((a, b) => (a.warehouse < b.warehouse ? -1 : 1));
  const { artNo, name, status, kind, isoCode, replacedBy } = article;
  return { artNo, name, status, kind, isoCode, replacedBy, hops, available: inWarehouse, totalAvailable: total, stock };
}

/** Following replacedBy (bounded, stops at a repeat, so even a cycle that slipped past the checks ends). */
function successorHops(state: State, from: Article, warehouse: string): ChainHop[] {
  const out: ChainHop[] = [];
  const seen = new Set([from.artNo]);
  let next = from.replacedBy;
  for (let hops = 1; next !== null && hops <= REPLACEMENT_HOPS_MAX && !seen.has(next); hops++) {
    const article = state.articles.get(next);
    if (article === undefined) break;
    seen.add(next);
    out.push(hopOf(state, article, hops, warehouse));
    next = article.replacedBy;
  }
  return out;
}

/** The chain backwards, level by level (breadth first over predecessorsOf), nearest first. */
function predecessorHops(state: State, artNo: string, warehouse: string): [ChainHop[], boolean] {
  const out: ChainHop[] = [];
  const seen = new Set([artNo]);
  let level = [artNo];
  for (let hops = 1; level.length > 0 && hops <= REPLACEMENT_HOPS_MAX; hops++) {
    const nextLevel: string[] = [];
    for (const at of level) {
      for (const before of state.predecessorsOf.get(at) ?? []) {
        if (seen.has(before)) continue;
        if (out.length >= REPLACEMENT_PREDECESSORS_MAX) return [out, true];
        seen.add(before);
        out.push(hopOf(state, state.articles.get(before)!, -hops, warehouse));
        nextLevel.push(before);
      }
    }
    level = nextLevel;
  }
  return [out, false];
}

/**
 * Per profession with a prescribing rule (the asked-for one first), as planLine decides a one-unit line: an article
 * the profession may not prescribe is refused; one with stock is reserved itself; else the chain's first equivalent
 * in stock is proposed; else it is discontinued or becomes a backorder.
 */
function proposals(state: State, artNo: string, warehouse: string, first: Profession): ChainProposal[] {
  const article = state.articles.get(artNo)!;
  const professions = [...state.prescribingRules.keys()].sort() as Profession[];
  professions.sort((a, b) => (a === first ? -1 : b === first ? 1 : 0));
  const own = availableForNew(state, warehouse, artNo, new Map()) >= 1;
  return professions.map((profession): ChainProposal => {
    if (!mayPrescribe(state, profession, article.isoCode))
      return { profession, outcome: 'forbidden', artNo: null, hops: null };
    if (own) return { profession, outcome: 'available', artNo, hops: 0 };
    const proposal = proposeReplacement(state, warehouse, artNo, 1, profession, new Map());
    if (proposal !== null) return { profession, outcome: 'proposal', artNo: proposal.artNo, hops: proposal.hops };
    return {
      profession,
      outcome: article.status === 'discontinued' ? 'discontinued' : 'backorder',
      artNo: null,
      hops: null,
    };
  });
}

export interface ReplacementCheck {
  allowed: boolean;
  code?: string;
  message?: string;
  /** The replacedBy walk from artNo with the proposed link. */
  chain: string[];
}

/** The proposed link checked by the deciders' own rule (checkReplacementLink); saves nothing. */
export function replacementCheck(
  state: State,
  args: OpArgs<'catalog.replacementCheck'>,
): QueryResult<ReplacementCheck> {
  const refused = checkReplacementLink(state, args.artNo, args.replacedBy);
  const chain = proposedChain(state, args.artNo, args.replacedBy);
  if (refused === null) return found({ allowed: true, chain });
  return found({ allowed: false, code: refused.code, message: refused.message, chain });
}
