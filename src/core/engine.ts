import type { Brand } from './brands/brand.ts';
import { aOrAn, careersSentence } from './brands/brand-text.ts';
import { loadBundledCatalog } from './brands/catalog.ts';
import { registrableDomain } from './domain/registrable-domain.ts';
import { documentHostReasons, videoCallInstallerReasons } from './files/file-host.ts';
import { fileNameReasons, isDocumentName } from './files/file-name.ts';
import { linkTextMismatchReason } from './links/link-text-mismatch.ts';
import { loadDefaultList } from './lists/default-list.ts';
import {
  buildIndicatorIndex,
  type IndicatorHit,
  type IndicatorIndex,
  indicatorReason,
} from './lists/indicator-index.ts';
import { type BrandIndex, createBrandIndex, type LookalikeContext } from './lookalike/brand-index.ts';
import { emailsIn, isFreeMailDomain } from './text/emails.ts';
import { hasJobLanguage, hasStrongLure, lureTextReasons } from './text/lure-text.ts';
import { type Candidate, LEVEL_RANK, type Level, type Reason, type Verdict } from './types.ts';
import { destinationHiddenReason, unwrapUrl } from './url/unwrap-url.ts';

export interface EngineOptions {
  /** Protected brands; defaults to the bundled catalog. Brands from indicator lists are added. */
  brands?: readonly Brand[];
  /** Compiled indicator lists; defaults to the bundled default list. `null` means heuristics only. */
  indicators?: IndicatorIndex | null;
  /** Hostnames (and their subdomains) never flagged, e.g. from enterprise policy. */
  allowHosts?: readonly string[];
}

export interface Engine {
  judge(candidate: Candidate): Verdict;
  readonly brandIndex: BrandIndex;
  readonly indicators: IndicatorIndex | null;
}

const JOB_LINK_WORDS =
  /apply|application|career|\bjobs?\b|position|vacanc|hiring|recruit|assessment|interview|job.?description|\bjd\b|応募|採用|求人/i;
const NPM_INSTALL = /\bnpm\s+(?:i|install|add)\s+((?:@[a-z0-9._-]{1,100}\/)?[a-z0-9._-]{1,100})/gi;
/** Bare hostnames written in text ("apply at coinbase-careers.com"); bounded, no nested quantifiers. */
const BARE_HOST = /\b[a-z0-9][a-z0-9-]{0,62}(?:\.[a-z0-9-]{1,63}){1,5}\.[a-z]{2,24}\b/gi;
const MAX_TEXT_HOSTS = 50;
/** What every BARE_HOST match contains: most posts have none, and then the pattern need not scan them. */
const HOST_HINT = /[a-z0-9-]\.[a-z0-9-]/i;
/** Likewise for NPM_INSTALL. */
const NPM_HINT = /npm/i;
/** VerdictSchema (messages.ts) carries at most 100 reasons of 2,000 characters; more would void the whole cs:judge reply. */
const MAX_REASONS = 100;
const MAX_MESSAGE_CHARS = 2_000;

/** Orders reasons in a warning: the strongest evidence first. */
const REASON_ORDER = ['indicator-', 'lookalike-', 'file-', 'job-link-', 'link-', 'recruiter-', 'lure-'];
function reasonRank(reason: Reason): number {
  const index = REASON_ORDER.findIndex((prefix) => reason.id.startsWith(prefix));
  return (
    (LEVEL_RANK.dangerous - LEVEL_RANK[reason.level]) * 100 + (index === -1 ? REASON_ORDER.length : index)
  );
}

export function createEngine(options: EngineOptions = {}): Engine {
  const indicators =
    options.indicators === undefined
      ? buildIndicatorIndex([{ feedId: 'lureguard-default', payload: loadDefaultList() }])
      : options.indicators;
  const brands = [...(options.brands ?? loadBundledCatalog()), ...(indicators?.brands ?? [])];
  const brandIndex = createBrandIndex(brands);
  const allowHosts = new Set((options.allowHosts ?? []).map((h) => h.toLowerCase()));
  const allowed = (url: URL, host: string) =>
    isAllowedHost(host, allowHosts) || indicators?.isAllowlisted(url) === true;
  return {
    brandIndex,
    indicators,
    judge: (candidate) => new Judgement(candidate, brandIndex, indicators, allowed).run(),
  };
}

/** One candidate's evaluation: gathers reasons, then combines them deterministically. */
class Judgement {
  private readonly reasons: Reason[] = [];
  private readonly text: string;
  private readonly mentioned: Brand[];
  private readonly mentionedIds: ReadonlySet<string>;
  /** Made once: every lookalike check of this candidate shares it. */
  private readonly lookalikeContext: LookalikeContext;
  private readonly pageDomain: string | null;
  private documentLink = false;

  constructor(
    private readonly candidate: Candidate,
    private readonly brands: BrandIndex,
    private readonly indicators: IndicatorIndex | null,
    /** `host` is the URL's hostname, read once by the caller (URL getters build a string each time). */
    private readonly allowed: (url: URL, host: string) => boolean,
  ) {
    this.text = candidate.text ?? '';
    let mentionText = this.text;
    for (const link of candidate.links ?? []) if (link.text) mentionText += `\n${link.text}`;
    for (const attachment of candidate.attachments ?? []) mentionText += `\n${attachment.name}`;
    this.mentioned = mentionText ? brands.brandsMentioned(mentionText) : NO_BRANDS;
    this.mentionedIds = this.mentioned.length > 0 ? new Set(this.mentioned.map((b) => b.id)) : NO_IDS;
    this.lookalikeContext =
      this.mentionedIds === NO_IDS && this.text === ''
        ? NO_MENTIONS
        : { mentionedBrandIds: this.mentionedIds, postText: this.text };
    const page = candidate.pageUrl ? unwrapUrl(candidate.pageUrl) : undefined;
    this.pageDomain = page?.ok ? registrableDomain(page.host) : null;
  }

  run(): Verdict {
    const { candidate } = this;
    for (const link of candidate.links ?? []) this.judgeLink(link.href, link.text);
    for (const attachment of candidate.attachments ?? [])
      this.judgeAttachment(attachment.name, attachment.href);
    if (candidate.pageUrl) this.judgePage(candidate.pageUrl);
    if (candidate.author) this.addHits(this.indicators?.matchHandle(candidate.author));
    this.judgeText();
    return this.combine();
  }

  private add(reasons: readonly Reason[] | undefined, extra?: Partial<Reason>): void {
    if (!reasons) return;
    // Every check returns freshly made reasons, so the evidence is merged in place rather than by
    // copying each one (same keys, same order as `{ ...reason, ...extra }`).
    // Indexed: shared empty (frozen) arrays come here too, and for-of over those made an iterator.
    if (extra === undefined) for (let i = 0; i < reasons.length; i++) this.reasons.push(reasons[i]!);
    else for (let i = 0; i < reasons.length; i++) this.reasons.push(Object.assign(reasons[i]!, extra));
  }

  /** Indicator hits as reasons; most checks find none, so skip the mapping then. */
  private addHits(hits: IndicatorHit[] | undefined, extra?: Partial<Reason>): void {
    if (hits && hits.length > 0) this.add(hits.map(indicatorReason), extra);
  }

  private get primaryBrand(): Brand | undefined {
    return this.mentioned[0];
  }

  private judgeLink(href: string, visibleText: string | undefined, fileName?: string): void {
    const unwrapped = unwrapUrl(href, this.candidate.pageUrl);
    if (!unwrapped.ok) return;
    const { url } = unwrapped;
    const evidence: Partial<Reason> =
      unwrapped.chain.length > 1 ? { url: href, chain: unwrapped.chain } : { url: href };
    const hidden = destinationHiddenReason(unwrapped);
    if (hidden) this.add([hidden], evidence);
    const { host } = unwrapped;
    if (this.allowed(url, host)) return;
    this.addHits(this.indicators?.matchUrl(url, host), evidence);

    const official = this.brands.officialBrandOf(host) ?? this.brands.officialJobBrandOf(url, host);
    const lookalikes = official ? NO_REASONS : this.brands.lookalikesOf(host, this.lookalikeContext, url);
    this.add(lookalikes, evidence);
    const mismatch = linkTextMismatchReason(visibleText, url);
    if (mismatch) this.add([mismatch], evidence);

    const name = fileName ?? lastPathSegment(url);
    const isDocument = name !== undefined && isDocumentName(name);
    if (isDocument) this.documentLink = true;
    if (name !== undefined && fileName === undefined)
      this.add(fileNameReasons(name), { ...evidence, file: name });
    this.add(documentHostReasons(url, name, host), evidence);

    if (!official && lookalikes.length === 0)
      this.judgeOffBrandJobLink(url, host, visibleText, isDocument, evidence);
  }

  /** A post that names a brand links its application or job description to someone else's host. */
  private judgeOffBrandJobLink(
    url: URL,
    host: string,
    visibleText: string | undefined,
    isDocument: boolean,
    evidence: Partial<Reason>,
  ): void {
    const brand = this.primaryBrand;
    if (!brand) return;
    const domain = registrableDomain(host);
    if (domain === this.pageDomain) return;
    if (this.mentioned.some((b) => this.brands.officialBrandOf(host)?.id === b.id)) return;
    const jobish = isDocument || JOB_LINK_WORDS.test(`${visibleText ?? ''} ${host} ${url.pathname}`);
    if (!jobish) return;
    const what = isDocument ? 'a job document' : 'the application';
    this.reasons.push({
      id: isDocument ? 'job-link-off-brand-document' : 'job-link-off-brand',
      level: isDocument ? 'dangerous' : 'suspicious',
      brand: brand.name,
      host,
      message: `This ${brand.name} post sends ${what} to ${host}, which is not ${aOrAn(brand.name)} domain; ${careersSentence(brand)}`,
      ...evidence,
    });
  }

  private judgeAttachment(name: string, href: string | undefined): void {
    this.add(fileNameReasons(name), { file: name });
    this.addHits(this.indicators?.matchFileName(name), { file: name });
    if (isDocumentName(name)) this.documentLink = true;
    const unwrapped = href ? unwrapUrl(href, this.candidate.pageUrl) : undefined;
    this.add(videoCallInstallerReasons(unwrapped?.ok ? unwrapped.url : undefined, name), { file: name });
    if (href) this.judgeLink(href, undefined, name);
  }

  /** The page itself may be the lure (a lookalike careers site). */
  private judgePage(pageUrl: string): void {
    const page = unwrapUrl(pageUrl);
    if (!page.ok) return;
    const { host } = page;
    if (this.allowed(page.url, host)) return;
    this.addHits(this.indicators?.matchUrl(page.url, host), { url: pageUrl });
    if (!this.brands.officialBrandOf(host)) {
      this.add(this.brands.lookalikesOf(host, this.lookalikeContext, page.url), { url: pageUrl });
    }
  }

  private judgeText(): void {
    const { text } = this;
    if (!text) return;
    const idx = this.indicators;
    if (idx) {
      this.addHits(idx.matchText(text));
      if (NPM_HINT.test(text))
        for (const match of text.matchAll(NPM_INSTALL)) this.addHits(idx.matchNpmPackage(match[1]!));
    }
    this.judgeTextHosts();
    this.judgeEmails();
    if (!hasJobLanguage(text)) return;
    // Pay and urgency only count beside a strong red flag (hasStrongLure lists those).
    if (!hasStrongLure(text)) return;
    this.add(lureTextReasons(text, this.primaryBrand?.name));
  }

  private judgeTextHosts(): void {
    if (!HOST_HINT.test(this.text)) return;
    let count = 0;
    for (const match of this.text.matchAll(BARE_HOST)) {
      if (++count > MAX_TEXT_HOSTS) break;
      const host = match[0].toLowerCase();
      const end = (match.index ?? 0) + host.length;
      if (this.text[match.index! - 1] === '@' || this.text[end] === '@') continue;
      if (this.brands.officialBrandOf(host)) continue;
      this.addHits(this.indicators?.matchHost(host), { host });
      this.add(this.brands.lookalikesOf(host, this.lookalikeContext));
    }
  }

  private judgeEmails(): void {
    for (const email of emailsIn(this.text)) {
      this.addHits(this.indicators?.matchEmail(email));
      const domain = email.slice(email.lastIndexOf('@') + 1);
      if (this.brands.officialBrandOf(domain)) continue;
      this.add(this.brands.lookalikesOf(domain, this.lookalikeContext));
      const brand = this.primaryBrand;
      if (brand && brand.emailDomains.length > 0 && isFreeMailDomain(domain) && hasJobLanguage(this.text)) {
        this.reasons.push({
          id: 'recruiter-email-unofficial',
          level: 'suspicious',
          escalatesWithJobContext: false,
          brand: brand.name,
          host: domain,
          message: `The recruiter writes from ${email}; ${brand.name} recruiters write only from ${brand.emailDomains.map((d) => `@${d}`).join(' or ')}.`,
        });
      }
    }
  }

  private combine(): Verdict {
    // A short link alone is everyday LinkedIn and X (both shorten every link); it only explains
    // a warning that other evidence raised.
    if (this.reasons.every((r) => SUPPORTING_ONLY.has(r.id))) return { verdict: 'clean', reasons: [] };
    const jobContext = this.mentioned.length > 0 || this.documentLink || hasJobLanguage(this.text);
    // The judgement's own array is compacted in place: its reasons were made for it alone (see `add`).
    const { reasons } = this;
    let kept = 0;
    // A hostile page can bring thousands of reasons: past a few, repeats are found by key.
    const seen = reasons.length > MAX_LOOK_BACK ? new Set<string>() : null;
    for (const reason of reasons) {
      if (seen) {
        const key = `${reason.id}|${reason.message}`;
        if (seen.has(key)) continue;
        seen.add(key);
      } else if (isRepeat(reason, reasons, kept)) continue;
      if (reason.level === 'suspicious' && reason.escalatesWithJobContext === true && jobContext)
        reason.level = 'dangerous';
      reasons[kept++] = reason;
    }
    reasons.length = kept;
    if (reasons.length > 1) reasons.sort((a, b) => reasonRank(a) - reasonRank(b));
    let verdict: Level = 'clean';
    for (const reason of reasons) if (LEVEL_RANK[reason.level] > LEVEL_RANK[verdict]) verdict = reason.level;
    // Sorted strongest first, so the cap drops only the weakest evidence; the level is already set.
    if (reasons.length > MAX_REASONS) reasons.length = MAX_REASONS;
    for (let i = 0; i < reasons.length; i++) reasons[i] = clampMessage(reasons[i]!);
    return { verdict, reasons };
  }
}

/** Reasons a candidate may carry and still have repeats found by a look back (isRepeat). */
const MAX_LOOK_BACK = 16;

/**
 * The same evidence twice among the first `kept` reasons (same id and message, escalation aside): most candidates have a reason
 * or two, so a look back beats a set of "id|message" keys made for every one.
 */
function isRepeat(reason: Reason, reasons: readonly Reason[], kept: number): boolean {
  for (let i = 0; i < kept; i++) {
    const other = reasons[i]!;
    if (other.id === reason.id && other.message === reason.message) return true;
  }
  return false;
}

/** A page can make a host 4,000 characters long; the message names it, so cut the message to fit. */
function clampMessage(reason: Reason): Reason {
  if (reason.message.length <= MAX_MESSAGE_CHARS) return reason;
  return { ...reason, message: `${reason.message.slice(0, MAX_MESSAGE_CHARS - 1)}…` };
}

/** The host or one of its parent domains is in the set: a suffix walk, not a scan. */
function isAllowedHost(host: string, allowHosts: ReadonlySet<string>): boolean {
  if (allowHosts.size === 0) return false;
  for (let at = -1; ; ) {
    if (allowHosts.has(host.slice(at + 1))) return true;
    at = host.indexOf('.', at + 1);
    if (at === -1) return false;
  }
}

const NO_BRANDS: Brand[] = [];
const NO_REASONS: readonly Reason[] = [];
const NO_IDS: ReadonlySet<string> = new Set();
/** The lookalike context of a candidate with no text and no brand named (lookalikesOf only reads it). */
const NO_MENTIONS: LookalikeContext = { mentionedBrandIds: NO_IDS };

/** Reasons that never raise a verdict on their own. */
const SUPPORTING_ONLY = new Set(['link-destination-hidden']);
/**
 * A last segment like `kraken.com` is a company domain (jobs.ashbyhq.com/kraken.com), not a DOS
 * `.com` program; `JD.pdf.com` still counts as a file posing as a document.
 */
const DOMAIN_SEGMENT = /^[a-z0-9-]{1,63}(?:\.[a-z0-9-]{1,63}){0,4}\.com$/i;

function lastPathSegment(url: URL): string | undefined {
  const { pathname } = url;
  const segment = pathname.slice(pathname.lastIndexOf('/') + 1);
  if (!segment.includes('.')) return undefined;
  if (DOMAIN_SEGMENT.test(segment) && !isDocumentName(segment.slice(0, -4))) return undefined;
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}
