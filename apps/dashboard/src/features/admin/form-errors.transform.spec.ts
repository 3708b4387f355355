import { ApiError } from '../../api/api.client';
import { formErrors } from './form-errors.transform';

describe('formErrors', () => {
  it('places "field: why" lines of a 400 under their field', () => {
    const e = new ApiError(400, ['new_password: must be at least 12 characters', 'new_password: is too common', 'something else'], '/api/me/password');
    expect(formErrors(e, ['current_password', 'new_password'])).toEqual({
      byField: { new_password: 'must be at least 12 characters; is too common' },
      general: ['something else'],
    });
  });

  it('reads issues when the API lists them, and a nested path by its first segment', () => {
    const e = new ApiError(400, ['x'], '/p', undefined, [{ path: 'scopes.1', message: 'must be one of events, directory' }]);
    expect(formErrors(e, ['scopes']).byField).toEqual({ scopes: 'must be one of events, directory' });
  });

  it('keeps other failures general, and nothing for no error', () => {
    expect(formErrors(new ApiError(409, ['the last active admin'], '/p'), ['role'])).toEqual({ byField: {}, general: ['the last active admin'] });
    expect(formErrors(null, ['role'])).toEqual({ byField: {}, general: [] });
  });
});
