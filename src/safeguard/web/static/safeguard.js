// Start GOV.UK Frontend's components (service navigation toggle, skip link, error summary...).
import { initAll } from './govuk/govuk-frontend.min.js'

initAll()
