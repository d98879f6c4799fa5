// The CMS's preview page (the "Förhandsgranska" button of a year in the admin): the year comes in the
// query (?ar=2028), the signed token in the fragment, which is never sent to a server. Both go to
// the widgets before they load; the token is then taken out of the address bar and the history.
const year = new URLSearchParams(location.search).get('ar') ?? ''
// Kept for the tab (a reload still previews) but not in the address someone might copy.
const token = location.hash.slice(1) || sessionStorage.getItem(`ehk-preview:${year}`) || ''
if (token) sessionStorage.setItem(`ehk-preview:${year}`, token)
history.replaceState(null, '', location.pathname + location.search)
if (/^\d{4}$/.test(year) && token) {
  document.title = `Förhandsvisning ${year} – Sveriges eHälsokommun`
  document.getElementById('title').textContent = `Förhandsvisning av ${year}`
  for (const widget of document.querySelectorAll('[data-preview]')) {
    widget.setAttribute('year', year)
    widget.setAttribute('preview', token)
  }
} else {
  document.querySelector('main').hidden = true
  document.getElementById('notice').textContent = 'Länken saknar år eller nyckel. Öppna förhandsvisningen från året i administrationen. / The link lacks a year or key: open the preview from the year in the admin.'
}
