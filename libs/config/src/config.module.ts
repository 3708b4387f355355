import { DynamicModule, Global, Module } from '@nestjs/common';
import type { HubpulseConfig } from './config';

/** DI token of the validated HubpulseConfig. */
export const HUBPULSE_CONFIG = Symbol('HUBPULSE_CONFIG');

@Global()
@Module({})
export class ConfigModule {
  static forRoot(config: HubpulseConfig): DynamicModule {
    return { module: ConfigModule, providers: [{ provide: HUBPULSE_CONFIG, useValue: config }], exports: [HUBPULSE_CONFIG] };
  }
}
