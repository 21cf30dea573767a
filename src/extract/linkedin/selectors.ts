import type { Fallbacks } from '../select.ts';

/** LinkedIn selectors, each an ordered list of fallbacks (layout, when seen). */
export const linkedInSelectors = {
  /** Server-driven (SDUI) job details screen (seen 2025-2026); the description is keyed by job id. */
  jobScreen: ['[data-sdui-screen$=".JobDetails"]'],
  /** SDUI apply button: a link labelled "Apply on company website" (2025-2026). */
  jobApplySdui: ['a[aria-label*="company website"]'],
  /** Classic (Ember) description box (2023-2026); `.jobs-description-content__text` in 2021-2022. */
  jobDescription: ['#job-details', '.jobs-description-content__text'],
  /** Classic top-card title link to `/jobs/view/<id>/`, the stale-pane guard's evidence (2023-2026; 2021-2022 without `job-details-`). */
  jobTitleLink: [
    '.job-details-jobs-unified-top-card__job-title a[href*="/jobs/view/"]',
    '.jobs-unified-top-card__job-title a[href*="/jobs/view/"]',
  ],
  jobTitle: ['.job-details-jobs-unified-top-card__job-title h1', '.jobs-unified-top-card__job-title'],
  jobCompany: [
    '.job-details-jobs-unified-top-card__company-name a',
    '.jobs-unified-top-card__company-name a',
  ],
  /** Classic apply button (2021-2026), else the SDUI-style "company website" label. */
  jobApply: [
    '.jobs-apply-button--top-card a[href], a.jobs-apply-button[href]',
    'a[aria-label*="company website"]',
  ],
  /** Feed, company and activity pages (2022-2026): every update carries its activity urn. */
  feedPost: ['[data-urn^="urn:li:activity:"]', '[data-id^="urn:li:activity:"]'],
  /** The author's name and headline in a post header (2023-2026 `update-components-actor`; older `feed-shared-actor`). */
  postActor: ['.update-components-actor__meta-link', '.feed-shared-actor__container-link'],
  /** The post's own words; comments and social counts below it are not part of the claim. */
  postCommentary: [
    '.update-components-update-v2__commentary',
    '.feed-shared-update-v2__description',
    '.feed-shared-text',
  ],
  /** Link preview card and document (PDF carousel) under the text (2023-2026). */
  postAttachmentArea: [
    '.update-components-article, .update-components-document__container, .feed-shared-document',
    '.feed-shared-article',
  ],
  /** Title of a document post ("Coinbase_JD.pdf"), shown above the carousel (2024-2026). */
  postDocumentTitle: ['.update-components-document__title', '.document-s-container__title'],
  /** One message in a thread, full page or overlay bubble (2021-2026): carries `data-event-urn`. */
  messageEvent: ['.msg-s-event-listitem[data-event-urn]', 'li.msg-s-message-list__event [data-event-urn]'],
  /** Sender header, present only on the first message of a group (2021-2026). */
  messageSender: ['.msg-s-message-group__name', '.msg-s-message-group__profile-link'],
  messageSenderLink: ['a.msg-s-message-group__profile-link', '.msg-s-event-listitem__link'],
  /** Body text: a plain message, or the subject + body of an InMail (2021-2026). */
  messageBody: ['.msg-s-event-listitem__body, .msg-s-event-listitem__subject', '.msg-s-event__content'],
  /** PDF attachment card; its download button carries no URL, so it is judged by its name (2022-2026). */
  messageAttachmentName: [
    '.ui-attachment .ui-attachment__filename',
    '.msg-s-event-listitem__attachment-item [title]',
  ],
  /** The open shadow root LinkedIn renders the messaging overlay into (seen 2025-2026). */
  interopOutlet: ['#interop-outlet'],
  /** Profile top card (2023-2026 `pv-top-card`; 2025 layout marks it `data-view-name="profile-card"`). */
  profileTopCard: ['.pv-top-card', '[data-view-name="profile-card"]'],
  profileName: ['h1.text-heading-xlarge', 'h1'],
  profileHeadline: ['.text-body-medium.break-words', '[data-generated-suggestion-target]'],
  /** Links in the top card: "Contact info" website and the custom button (2023-2026). */
  profileLinks: ['a[href*="/redir/redirect"]', 'a[href^="http"]:not([href*="linkedin.com"])'],
  /** The About section's text; `#about` is an empty anchor div inside the section (2023-2026). */
  profileAbout: ['#about ~ .display-flex .inline-show-more-text', '#about ~ div'],
} satisfies Record<string, Fallbacks>;
