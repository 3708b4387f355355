import { Module } from '@nestjs/common';
import { AuthController } from './auth.controller';
import { AuthService } from './auth.service';
import { SignInThrottleRepository } from './sign-in-throttle.repository';
import { WriteKeysController } from './write-keys.controller';

@Module({ controllers: [AuthController, WriteKeysController], providers: [AuthService, SignInThrottleRepository], exports: [AuthService] })
export class AuthModule {}
