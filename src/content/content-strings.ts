import {
  bannerAdvice as enAdvice,
  topLayerClose as enClose,
  bannerTitleDangerous as enDangerous,
  bannerDetails as enDetails,
  bannerFallbackHeadline as enFallback,
  bannerHideDetails as enHide,
  markerDangerous as enMarkerDangerous,
  markerSuspicious as enMarkerSuspicious,
  bannerReport as enReport,
  bannerTitleSuspicious as enSuspicious,
  topLayerTitle as enTopTitle,
} from '../../public/_locales/en/messages.json';
import {
  bannerAdvice as jaAdvice,
  topLayerClose as jaClose,
  bannerTitleDangerous as jaDangerous,
  bannerDetails as jaDetails,
  bannerFallbackHeadline as jaFallback,
  bannerHideDetails as jaHide,
  markerDangerous as jaMarkerDangerous,
  markerSuspicious as jaMarkerSuspicious,
  bannerReport as jaReport,
  bannerTitleSuspicious as jaSuspicious,
  topLayerTitle as jaTopTitle,
} from '../../public/_locales/ja/messages.json';
import { registerStrings } from '../ui/i18n/translate.ts';

/**
 * Only the strings the page warnings show, imported by name from `_locales` so the bundler
 * leaves the rest of the tables out of the content script (its budget is 60 KB).
 */
registerStrings({
  en: {
    bannerAdvice: enAdvice,
    bannerDetails: enDetails,
    bannerFallbackHeadline: enFallback,
    bannerHideDetails: enHide,
    bannerReport: enReport,
    bannerTitleDangerous: enDangerous,
    bannerTitleSuspicious: enSuspicious,
    markerDangerous: enMarkerDangerous,
    markerSuspicious: enMarkerSuspicious,
    topLayerClose: enClose,
    topLayerTitle: enTopTitle,
  },
  ja: {
    bannerAdvice: jaAdvice,
    bannerDetails: jaDetails,
    bannerFallbackHeadline: jaFallback,
    bannerHideDetails: jaHide,
    bannerReport: jaReport,
    bannerTitleDangerous: jaDangerous,
    bannerTitleSuspicious: jaSuspicious,
    markerDangerous: jaMarkerDangerous,
    markerSuspicious: jaMarkerSuspicious,
    topLayerClose: jaClose,
    topLayerTitle: jaTopTitle,
  },
});
