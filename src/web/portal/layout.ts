/**
 * The frame of every portal page: skip link, the USWDS "official website" banner, the
 * language switcher, header with the service name and navigation, main, footer.
 *
 * Works without JavaScript: navigation is always visible (no menu button), the language
 * switcher is plain links, and the banner's explanation shows when scripting is off
 * (nojs.css). uswds.js is loaded only to open and close the banner.
 */
import { LANGUAGES } from '../../persisted.ts';
import { html, type SafeHtml } from '../html.ts';
import { LANGUAGE_NAMES } from '../i18n/catalog.ts';
import { ASSETS } from './assets.ts';
import type { Page, PageContext } from './context.ts';
import { csrfField } from './forms.ts';
import { PORTAL_PATHS, telHref } from './paths.ts';

export type NavItem = 'home' | 'signUp' | 'logIn' | 'help' | 'myBallot' | 'preferences' | 'optOut';
const NAV_ITEMS: readonly NavItem[] = ['home', 'signUp', 'logIn', 'help'];
/** A logged-in voter's navigation (pages with `signedIn`), followed by the log-out button. */
const VOTER_NAV_ITEMS: readonly NavItem[] = ['myBallot', 'preferences', 'optOut', 'help'];

export function layout(ctx: PageContext, page: Page): SafeHtml {
  const { t, profile } = ctx;
  const title = `${page.hasErrors ? `${t('form.errorPrefix')} ` : ''}${t('layout.pageTitle', { page: page.title, serviceName: profile.serviceName })}`;
  return html`<!doctype html>
<html lang="${ctx.lang}" dir="${ctx.dir}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title}</title>
<link rel="stylesheet" href="${ASSETS.uswdsCss}">
<link rel="stylesheet" href="${ASSETS.fontsCss}">
<link rel="stylesheet" href="${ASSETS.portalCss}">
<noscript><link rel="stylesheet" href="${ASSETS.noJsCss}"></noscript>
<link rel="icon" href="${ASSETS.favicon}">
${LANGUAGES.map((l) => html`<link rel="alternate" hreflang="${l}" href="${ctx.config.publicUrl}${ctx.path}?lang=${l}">
`)}<script src="${ASSETS.uswdsJs}" defer></script>
</head>
<body>
<a class="usa-skipnav" href="#main-content">${t('layout.skipLink')}</a>
${banner(ctx)}
${languageSwitcher(ctx)}
${header(ctx, page.nav, page.signedIn === true)}
<main id="main-content" tabindex="-1">
<div class="grid-container">
${page.main}
</div>
</main>
${footer(ctx)}
</body>
</html>
`;
}

function banner(ctx: PageContext): SafeHtml {
  const { t, th } = ctx;
  const state = ctx.profile.stateName;
  return html`<section class="usa-banner" aria-label="${t('banner.label', { state })}">
<div class="usa-accordion">
<header class="usa-banner__header">
<div class="usa-banner__inner">
<div class="grid-col-auto"><img aria-hidden="true" class="usa-banner__header-flag" src="${ASSETS.flag}" alt=""></div>
<div class="grid-col-fill tablet:grid-col-auto" aria-hidden="true">
<p class="usa-banner__header-text">${t('banner.official', { state })}</p>
<p class="usa-banner__header-action">${t('banner.howYouKnow')}</p>
</div>
<button type="button" class="usa-accordion__button usa-banner__button" aria-expanded="false" aria-controls="gov-banner"><span class="usa-banner__button-text">${t('banner.howYouKnow')}</span></button>
</div>
</header>
<div class="usa-banner__content usa-accordion__content" id="gov-banner" hidden>
<div class="grid-row grid-gap-lg">
<div class="usa-banner__guidance tablet:grid-col-6">
<img class="usa-banner__icon usa-media-block__img" src="${ASSETS.iconDotGov}" alt="" aria-hidden="true">
<div class="usa-media-block__body"><p><strong>${t('banner.govTitle')}</strong><br>${th('banner.govBody')}</p></div>
</div>
<div class="usa-banner__guidance tablet:grid-col-6">
<img class="usa-banner__icon usa-media-block__img" src="${ASSETS.iconHttps}" alt="" aria-hidden="true">
<div class="usa-media-block__body"><p><strong>${t('banner.httpsTitle')}</strong><br>${th('banner.httpsBody')}</p></div>
</div>
</div>
</div>
</div>
</section>`;
}

/** One link per language, each written in its own language and script; works without JavaScript. */
function languageSwitcher(ctx: PageContext): SafeHtml {
  return html`<nav class="bl-languages" aria-label="${ctx.t('language.label')}">
<div class="grid-container">
<ul class="bl-languages__list">
${LANGUAGES.map((l) => html`<li><a href="${ctx.path}?lang=${l}" lang="${l}" hreflang="${l}"${l === ctx.lang ? html` aria-current="true"` : ''}>${LANGUAGE_NAMES[l]}</a></li>
`)}</ul>
</div>
</nav>`;
}

function header(ctx: PageContext, current: NavItem | undefined, signedIn: boolean): SafeHtml {
  const { t, profile } = ctx;
  const labels: Record<NavItem, string> = {
    home: t('nav.home'), signUp: t('nav.signUp'), logIn: t('nav.logIn'), help: t('nav.help'),
    myBallot: t('nav.myBallot'), preferences: t('nav.preferences'), optOut: t('nav.optOut'),
  };
  // The service name is a proper name in English; say so, so screen readers pronounce it right.
  const nameLang = ctx.lang === 'en' ? '' : html` lang="en"`;
  return html`<header class="bl-header">
<div class="grid-container bl-header__inner">
<div class="usa-logo"><em class="usa-logo__text"><a href="${PORTAL_PATHS.home}"${nameLang}>${profile.serviceName}</a></em></div>
<nav class="bl-nav" aria-label="${t('nav.label')}">
<ul class="bl-nav__list">
${(signedIn ? VOTER_NAV_ITEMS : NAV_ITEMS).map((item) => html`<li><a href="${PORTAL_PATHS[item]}"${item === current ? html` aria-current="page"` : ''}>${labels[item]}</a></li>
`)}${signedIn ? html`<li><form class="bl-logout" method="post" action="${PORTAL_PATHS.logOut}">${csrfField(ctx)}<button class="usa-button usa-button--unstyled bl-nav__button" type="submit">${t('nav.logOut')}</button></form></li>
` : ''}</ul>
</nav>
</div>
</header>`;
}

function footer(ctx: PageContext): SafeHtml {
  const { t, th, profile } = ctx;
  const desk = profile.helpDesk;
  const links: readonly [string, string][] = [
    [PORTAL_PATHS.privacy, t('footer.privacy')],
    [PORTAL_PATHS.help, t('footer.help')],
    [`${PORTAL_PATHS.help}#contact`, t('footer.contact')],
  ];
  return html`<footer class="usa-footer usa-footer--slim">
<div class="grid-container usa-footer__return-to-top"><a href="#">${t('footer.returnToTop')}</a></div>
<div class="usa-footer__primary-section">
<div class="usa-footer__primary-container grid-row">
<div class="grid-col-12">
<nav class="usa-footer__nav" aria-label="${t('footer.label')}">
<ul class="grid-row grid-gap">
${links.map(([href, label]) => html`<li class="mobile-lg:grid-col-4 desktop:grid-col-auto usa-footer__primary-content"><a class="usa-footer__primary-link" href="${href}">${label}</a></li>
`)}</ul>
</nav>
</div>
</div>
</div>
<div class="usa-footer__secondary-section">
<div class="grid-container">
<p>${t('footer.about', { serviceName: profile.serviceName, state: profile.stateName })}</p>
<p class="bl-footer-contact">${th('footer.helpDesk', {
    helpDeskName: desk.name,
    phone: html`<a href="${telHref(desk.phone)}">${desk.phone}</a>`,
    email: html`<a href="mailto:${desk.email}">${desk.email}</a>`,
  })}</p>
</div>
</div>
</footer>`;
}
