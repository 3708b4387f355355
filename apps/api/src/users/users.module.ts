import { Module } from '@nestjs/common';
import { AuthModule } from '../auth/auth.module';
import { InvitesController } from './invites.controller';
import { MailerService } from './mailer.service';
import { MeController } from './me.controller';
import { MeService } from './me.service';
import { UsersController } from './users.controller';
import { UsersService } from './users.service';

/** People & access: users and roles (admins), one-time links (public), own password and sessions (everyone). */
@Module({
  imports: [AuthModule],
  controllers: [UsersController, InvitesController, MeController],
  providers: [UsersService, MeService, MailerService],
})
export class UsersModule {}
