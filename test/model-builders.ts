/** The empty page model every hand-built test model starts from. */
import type { PageModel } from '../src/model/types.js'

export function emptyPage(fields: Partial<PageModel> & Pick<PageModel, 'file' | 'id'>): PageModel {
  return {
    modelVersion: 1,
    title: fields.id,
    stability: { level: 'stable' },
    description: '',
    endpoints: [],
    prerequisites: [],
    pathParams: [],
    queryParams: [],
    bodyParams: [],
    responseBody: [],
    responseCodes: [],
    examples: [],
    diagnostics: [],
    ...fields,
  }
}
