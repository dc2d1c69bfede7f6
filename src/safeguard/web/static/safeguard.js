// Start GOV.UK Frontend's components (service navigation toggle, skip link, error summary...).
import { initAll } from './govuk/govuk-frontend.min.js'

initAll()

// Drafts that save themselves. A form with data-draft-url sends its fields there after a pause
// in typing and every few seconds while anything is unsaved, so nothing typed is lost. The
// server restores the draft when the form is opened again and archives it when the form is sent.
// Without JavaScript the form still works; only the saving as you type is missing.
const PAUSE_MS = 1500
const EVERY_MS = 8000

function startDraft (form) {
  const url = form.dataset.draftUrl
  const opened = form.dataset.draftOpened || ''
  const status = form.querySelector('[data-draft-status]')
  const token = form.querySelector('input[name="csrfmiddlewaretoken"]')
  let dirty = false
  let sending = false
  let pauseTimer = null
  let sent = false

  function say (text) {
    if (status) status.textContent = text
  }

  async function save () {
    if (!dirty || sending || sent) return
    sending = true
    dirty = false
    const body = new FormData(form)
    body.delete('csrfmiddlewaretoken')
    body.delete('next')
    body.append('_opened_at', opened)
    try {
      const response = await fetch(url, {
        method: 'POST',
        body,
        headers: { 'X-CSRFToken': token ? token.value : '', 'X-Requested-With': 'fetch' },
        credentials: 'same-origin'
      })
      if (response.ok) {
        const answer = await response.json()
        if (answer.saved) say('Draft saved at ' + answer.saved_at)
      } else {
        dirty = true
        say('Draft not saved. Keep this page open and try again in a moment.')
      }
    } catch (error) {
      dirty = true
      say('Draft not saved: no connection. Keep this page open; it will try again.')
    } finally {
      sending = false
    }
  }

  function changed () {
    dirty = true
    clearTimeout(pauseTimer)
    pauseTimer = setTimeout(save, PAUSE_MS)
  }

  form.addEventListener('input', changed)
  form.addEventListener('change', changed)
  form.addEventListener('submit', () => {
    sent = true
    clearTimeout(pauseTimer)
  })
  setInterval(save, EVERY_MS)
  // Leaving the page (closing a tab, a phone locking) sends what is unsaved one last time.
  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState === 'hidden') save()
  })
}

document.querySelectorAll('form[data-draft-url]').forEach(startDraft)

// On the visit form, "No access" means the child was not seen: answer the two questions that
// follow for the worker, so they need not (they can still change them).
function startVisitForm (form) {
  const outcome = form.querySelectorAll('input[name="outcome"]')
  outcome.forEach((radio) => radio.addEventListener('change', () => {
    if (radio.value !== 'no_access' || !radio.checked) return
    for (const name of ['child_seen', 'seen_alone']) {
      const no = form.querySelector(`input[name="${name}"][value="no"]`)
      if (no && !no.checked) {
        no.checked = true
        no.dispatchEvent(new Event('change', { bubbles: true }))
      }
    }
  }))
}

document.querySelectorAll('form').forEach((form) => {
  if (form.querySelector('input[name="outcome"]') && form.querySelector('input[name="child_seen"]')) {
    startVisitForm(form)
  }
})
