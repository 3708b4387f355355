import { Module } from '@nestjs/common';
import { AuthController } from './auth.controller';
import { AuthService } from './auth.service';
import { MyReadTokensController, ReadTokensAdminController } from './read-tokens.controller';
import { ReadTokensService } from './read-tokens.service';
import { SignInThrottleRepository } from './sign-in-throttle.repository';
import { WriteKeysController } from './write-keys.controller';

@Module({
  controllers: [AuthController, WriteKeysController, MyReadTokensController, ReadTokensAdminController],
  providers: [AuthService, ReadTokensService, SignInThrottleRepository],
  exports: [AuthService, ReadTokensService],
})
export class AuthModule {}
