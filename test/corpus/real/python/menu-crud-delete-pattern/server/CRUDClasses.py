import json

import tables
from redis import asyncio as redis
from rediska import CacheRep
from RepClasses import DishRep, MenuRep, SubmenuRep
from sqlalchemy.ext.asyncio import AsyncSession


class MenuCRUD:
    def __init__(self, rep_session: AsyncSession, cache_loop: redis.Redis):
        self.menu_rep = MenuRep(rep_session)
        self.cache_rep = CacheRep(cache_loop)

    async def create_menu(self, data: tables.MenuSchema):
        menu = await self.menu_rep.create_menu(data)
        await self.cache_rep.set(f'menu_{menu.id}', menu.json())  # Add .json() here
        await self.cache_rep.delete('all_menus')
        return menu

    async def get_all_menus(self):
        cached_menus = await self.cache_rep.get('all_menus')
        if cached_menus:
            return [tables.MenuAll(**json.loads(menu)) for menu in json.loads(cached_menus)]

        menus = await self.menu_rep.get_all_menus()
        menus_data = [menu.json() for menu in menus]
        await self.cache_rep.set('all_menus', json.dumps(menus_data))

        return menus

    async def get_menu(self, menu_id: int):
        cached_menu = await self.cache_rep.get(f'menu_{menu_id}')
        if cached_menu:
            return tables.MenuAll(**json.loads(cached_menu))

        menu = await self.menu_rep.get_menu(menu_id)
        await self.cache_rep.set(f'menu_{menu_id}', menu.json())  # Add .json() here
        return menu

    async def update_menu(self, menu_id: int, data: tables.MenuSchema):
        updated_menu = await self.menu_rep.update_menu(menu_id, data)
        await self.cache_rep.set(f'menu_{menu_id}', updated_menu.json())  # Add .json() here
        await self.cache_rep.delete('all_menus')  # Clear all menus cache
        return updated_menu

    async def delete_menu(self, menu_id: int):
        deleted_menu = await self.menu_rep.delete_menu(menu_id)
        await self.cache_rep.delete('all_menus')
        await self.cache_rep.delete(f'menu_{menu_id}')
        await self.cache_rep.delete_by_pattern('dish_*')
        await self.cache_rep.delete_by_pattern('submenu_*')
        await self.cache_rep.delete(f'menu_submenus_{menu_id}')
        await self.cache_rep.delete_by_pattern('submenu_dishes_*')
        return deleted_menu

