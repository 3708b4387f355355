import { Module } from '@nestjs/common';
import { AuthModule } from '../auth.module';
import { SsoController } from './sso.controller';
import { SsoService } from './sso.service';

/** Single sign-on with an OpenID Connect provider (HUBPULSE_OIDC_*); its routes answer 404 when it is not configured. */
@Module({ imports: [AuthModule], controllers: [SsoController], providers: [SsoService] })
export class SsoModule {}
