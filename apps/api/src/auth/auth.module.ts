import { Module } from '@nestjs/common';
import { AuthController } from './auth.controller';
import { AuthService } from './auth.service';
import { WriteKeysController } from './write-keys.controller';

@Module({ controllers: [AuthController, WriteKeysController], providers: [AuthService], exports: [AuthService] })
export class AuthModule {}
