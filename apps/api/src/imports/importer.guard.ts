import { ForbiddenException, Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import type { Response } from 'express';
import type { AuthedRequest } from '../auth/auth.guard';

/**
 * Imports rewrite the directory and history wholesale — enough to pad a small group with invented
 * people until it passes the privacy threshold — so they are for admins only. Reading them is too:
 * the list says who uploaded which file, and an error report describes rows of the directory.
 * A guard (before any pipe) so a refused upload is answered first, without reading its body, and
 * with `Connection: close` so the rest of a large upload is not read just to be dropped.
 */
@Injectable()
export class ImporterGuard implements CanActivate {
  canActivate(context: ExecutionContext): boolean {
    const http = context.switchToHttp();
    const req = http.getRequest<AuthedRequest>();
    const user = req.user!;
    if (user.role === 'admin') return true;
    if (req.method === 'POST') http.getResponse<Response>().setHeader('Connection', 'close');
    throw new ForbiddenException(`imports need the admin role (you are ${user.role})`);
  }
}
