import { describe, expect, it } from 'vitest';
import { CHART_SLOT, RELEASE_SLOT, builderEmbedUrl, builderSnippet, foldForFilter, isEmbedTheme, matchesFilter } from '../../src/lib/embed/builder.ts';
import { embedSnippet, embedUrl, resizerUrl } from '../../src/lib/embed/embed.ts';

const templates = { live: embedUrl('vi', CHART_SLOT), pinned: embedUrl('vi', CHART_SLOT, RELEASE_SLOT) };
const chart = { title: 'Tài khoản định danh điện tử được kích hoạt', height: 480 };

describe('embed builder', () => {
  it('live and auto: exactly the snippet of the oEmbed JSON', () => {
    const oembed = embedSnippet({ src: embedUrl('vi', 'eid-accounts-activated'), title: chart.title, height: chart.height, resizer: resizerUrl() });
    expect(builderSnippet(templates, { chart: 'eid-accounts-activated', theme: 'auto' }, chart, resizerUrl())).toBe(oembed);
  });

  it('a pinned release and a theme change only the iframe\'s address', () => {
    expect(builderEmbedUrl(templates, { chart: 'x', release: '2024-07', theme: 'dark' })).toBe(`${embedUrl('vi', 'x', '2024-07')}?theme=dark`);
    expect(builderEmbedUrl(templates, { chart: 'x', theme: 'light' })).toBe(`${embedUrl('vi', 'x')}?theme=light`);
    const snippet = builderSnippet(templates, { chart: 'x', release: '2024-07', theme: 'dark' }, chart, resizerUrl());
    expect(snippet).toBe(embedSnippet({ src: `${embedUrl('vi', 'x', '2024-07')}?theme=dark`, title: chart.title, height: chart.height, resizer: resizerUrl() }));
    expect(isEmbedTheme('dark')).toBe(true);
    expect(isEmbedTheme('sepia')).toBe(false);
  });

  it('a view goes to the live embed, before the theme; a pinned release never carries one', () => {
    const view = 'indicators=x,y&from=2024-07&to=2024-09&view=table';
    expect(builderEmbedUrl(templates, { chart: 'x', theme: 'auto', view })).toBe(`${embedUrl('vi', 'x')}?${view}`);
    expect(builderEmbedUrl(templates, { chart: 'x', theme: 'dark', view })).toBe(`${embedUrl('vi', 'x')}?${view}&theme=dark`);
    expect(builderEmbedUrl(templates, { chart: 'x', release: '2024-07', theme: 'auto', view })).toBe(embedUrl('vi', 'x', '2024-07'));
  });

  it('the filter finds Vietnamese names with or without diacritics', () => {
    expect(foldForFilter('  Định   DANH điện tử ')).toBe('dinh danh dien tu');
    expect(matchesFilter(chart.title, 'dinh danh')).toBe(true);
    expect(matchesFilter(chart.title, 'định danh kích hoạt')).toBe(true);
    expect(matchesFilter(chart.title, 'KICH HOAT tai khoan')).toBe(true);
    expect(matchesFilter(chart.title, 'ngân hàng')).toBe(false);
    expect(matchesFilter(chart.title, '')).toBe(true);
  });
});
